"""Date formats for the admin and forms where Django's differ from the language's own usage
(CLDR): British day-month order for English, "7 Aralık 2026" (no leading zero) in Turkish."""
