"""`python -m weltstadt.worker [-q] [options of celery worker]`: a Celery worker of the portal, as
`celery -A weltstadt [-q] worker [options]` starts one, in fewer MiB.

Each process of a prefork worker holds what its main process had loaded before the fork, so every
module loaded here counts three times in a worker with two pool processes (issue 14). Celery's
umbrella command is left out: it imports all of its subcommands before reading its arguments (the
interactive `amqp` shell with click-repl and prompt_toolkit, Pygments to colour its output, and
the plugin entry points of every installed package). Only the `worker` command is loaded here.

The admin is still discovered at setup, as in every process: leaving it to the first mail that
links into the back-office made a pool process load it in the middle of a send, and a worker
killed then repeated more than the message in flight (tools/production_check.py).
"""

import sys


def worker_command(*, quiet: bool = False):
    """Celery's `worker` command and its context, loaded as this module runs them (the test of
    what a worker imports loads them the same way)."""
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
