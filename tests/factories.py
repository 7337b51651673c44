import factory
from allauth.account.models import EmailAddress
from factory.django import DjangoModelFactory

from weltstadt.models import City, Network, Partnership, User


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Faker("name")
    preferred_language = "de"
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.get_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )


class CityFactory(DjangoModelFactory):
    class Meta:
        model = City
        django_get_or_create = ("name", "country")

    name = factory.Sequence(lambda n: f"City {n}")
    country = "DE"
    latitude = factory.Sequence(lambda n: 45 + (n % 10))
    longitude = factory.Sequence(lambda n: 5 + (n % 20))


class PartnershipFactory(DjangoModelFactory):
    class Meta:
        model = Partnership

    city = factory.LazyFunction(lambda: City.objects.get_or_create(name="İzmir", country="TR")[0])
    partner = factory.SubFactory(CityFactory)
    kind = Partnership.Kind.SISTER_CITY
    source_url = "https://www.izmir.bel.tr/en/SisterCities/2145"


class NetworkFactory(DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Network {n}")
    source_url = "https://example.org/network"


def staff_with_role(role: str, email: str | None = None, **kwargs) -> User:
    """A staff user in one programme's role (a group from the data migrations), with the TOTP
    device the back-office requires."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth.models import Group

    email = email or f"{role.split()[0].lower().replace('-', '')}@example.org"
    user = UserFactory(email=email, is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=role))
    TOTP.activate(user, generate_totp_secret())
    return user
