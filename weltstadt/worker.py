"""`python -m weltstadt.worker [-q] [options of celery worker]`: a Celery worker of the portal, as
`celery -A weltstadt [-q] worker [options]` starts one, in fewer MiB.

Each process of a prefork worker holds what its main process had loaded before the fork, so every
module loaded here counts three times in a worker with two pool processes (issue 14). Two things
are left out of a worker's processes:

- Celery's umbrella command, which imports all of its subcommands before reading its arguments:
  the interactive `amqp` shell (click-repl and prompt_toolkit), Pygments to colour its output, and
  the plugin entry points of every installed package. Only the `worker` command is loaded here.
- The admin's autodiscovery and rosetta's views at `django.setup()` (WELTSTADT_PROCESS=worker,
  read by `weltstadt.apps`): a worker serves no page. A mail that links into the back-office loads
  the URLconf, which discovers the admin then (`weltstadt.urls`).
"""

import os
import sys

# Read by weltstadt.apps when Django is set up, in this process and the pool processes it forks.
PROCESS_ENV = "WELTSTADT_PROCESS"


def is_worker_process() -> bool:
    return os.environ.get(PROCESS_ENV) == "worker"


def worker_command(*, quiet: bool = False):
    """Celery's `worker` command and its context, loaded as this module runs them (the test of
    what a worker imports loads them the same way)."""
    os.environ[PROCESS_ENV] = "worker"
    # Celery colours its help with Pygments when it can, and does without when it cannot import it
    # (celery.bin.base): a worker never prints its help coloured.
    sys.modules.setdefault("pygments", None)

    from celery.bin.base import CLIContext
    from celery.bin.worker import worker

    from weltstadt.celery import app

    # what the umbrella command does for its `worker` subcommand (celery.bin.celery.celery)
    worker.params.extend(app.user_options.get("worker", []))
    return worker, CLIContext(app=app, no_color=None, workdir=None, quiet=quiet)


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    # `celery -q`, the umbrella command's option (no banner), is taken here too
    quiet = bool({"-q", "--quiet"} & set(args))
    args = [arg for arg in args if arg not in ("-q", "--quiet")]
    worker, context = worker_command(quiet=quiet)
    sys.exit(worker.main(args=args, obj=context, prog_name="python -m weltstadt.worker"))


if __name__ == "__main__":
    main()
