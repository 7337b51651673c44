# The production images, one build: `app` (gunicorn serving Django; the same image runs the Celery
# worker and beat) and `proxy` (Caddy with the same static files). Static files are collected at
# build time into the image, never into a volume, so an upgrade serves the new ones.
FROM python:3.12-slim-bookworm AS app

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    PATH="/opt/venv/bin:$PATH" \
    STATIC_ROOT=/app/static-collected \
    WELTSTADT_VAR_DIR=/app/var

RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 gettext \
 && rm -rf /var/lib/apt/lists/* \
 && pip install --no-cache-dir uv \
 && useradd --create-home --uid 1000 weltstadt

WORKDIR /app
COPY pyproject.toml uv.lock ./
# The .pyc of every package and of the portal, written at build: the processes run with
# PYTHONDONTWRITEBYTECODE and cannot write to /opt/venv, so without them each process would compile
# every module from source at every start (slower, and some 15 MiB more per worker process)
RUN uv sync --frozen --no-dev --no-install-project --compile-bytecode
COPY . .
RUN python -m compileall -q -j 0 /app
RUN DJANGO_DEBUG=0 DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=build \
    WELTSTADT_CREDENTIAL_KEYS='{"keys": [{"kid": "build-only", "d": "unused"}]}' \
    python manage.py collectstatic --noinput -v0 \
 && python manage.py compilemessages --ignore=/opt/venv -v0 \
 && mkdir -p /app/var/media /app/var/private \
 && chown -R weltstadt /app/var

USER weltstadt
EXPOSE 8000
CMD ["gunicorn", "weltstadt.wsgi:application", "--config", "deploy/gunicorn.conf.py"]

# The reverse proxy, with the static files of the same build.
FROM caddy:2 AS proxy
COPY deploy/Caddyfile /etc/caddy/Caddyfile
COPY --from=app /app/static-collected /srv/static
