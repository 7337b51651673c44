"""Certificates and medals of the title "Ambassador of the City of İzmir": award, PDF, mail,
public verification, corrections and revocation; and the yearly mission statement as a PDF."""
