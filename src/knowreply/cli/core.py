"""Setting up and running knowreply: init, serve, worker, demo."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from typing import Annotated

import typer

from knowreply.cli.common import clean_errors, database, runtime, settings

app = typer.Typer()


@app.command()
@clean_errors
def init() -> None:
    """Create or migrate the database (idempotent) and the `default` workspace."""
    from knowreply.runtime import initialize

    _, report = initialize(settings())
    if report.revision_before is None:
        typer.echo(f"Created the database (schema {report.revision_after}).")
    elif report.revision_before != report.revision_after:
        typer.echo(
            f"Migrated the database from {report.revision_before} to {report.revision_after}."
        )
    else:
        typer.echo(f"The database is up to date (schema {report.revision_after}).")
    if report.created_workspace:
        typer.echo(f"Created the workspace {report.created_workspace!r}.")


@app.command()
@clean_errors
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port for the dashboard and API.")] = 8000,
    smtp_port: Annotated[
        int | None,
        typer.Option(help="Also receive mail over SMTP on this port (for inbound addresses)."),
    ] = None,
) -> None:
    """Run the web app: dashboard, JSON API, provider webhooks and /healthz."""
    import asyncio

    import structlog
    import uvicorn

    from knowreply.pipeline.smtp_intake import serve_smtp
    from knowreply.web.app import create_app

    rt = runtime()
    log = structlog.get_logger(__name__)
    log.info("web.start", host=host, port=port)
    server = uvicorn.Server(uvicorn.Config(create_app(rt), host=host, port=port, log_config=None))
    if smtp_port is None:
        server.run()
        return

    async def both() -> None:
        async with serve_smtp(rt, host, smtp_port) as smtp:
            typer.echo(f"SMTP listening on {smtp.host}:{smtp.port}", err=True)
            await server.serve()

    asyncio.run(both())


@app.command()
@clean_errors
def worker(
    import_: Annotated[
        list[str] | None,
        typer.Option("--import", help="Extra module with workflows to register (repeatable)."),
    ] = None,
    poll_interval: Annotated[
        float, typer.Option(help="Seconds between IMAP polls when a server has no IDLE.")
    ] = 60.0,
    mailboxes: Annotated[bool, typer.Option(help="Watch the configured IMAP mailboxes.")] = True,
    processes: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Worker processes (one core each); default KNOWREPLY_WORKER_PROCESSES, else "
            "one per core on PostgreSQL and 1 on SQLite.",
        ),
    ] = None,
    supervisor_pid: Annotated[int | None, typer.Option(hidden=True)] = None,
) -> None:
    """Run the durable worker: handles queued mail, finishes interrupted work, watches
    the IMAP mailboxes."""
    from knowreply import workers

    loaded = settings()
    count = workers.process_count(processes, loaded.worker_processes, is_sqlite=loaded.is_sqlite)
    if count > 1:
        engine, _ = database(loaded)  # a wrong setting is said once, not by every child
        engine.dispose()
        extra = [f"--poll-interval={poll_interval}"]
        extra += [f"--import={module}" for module in import_ or []]
        supervisor = workers.Supervisor(
            count, mailboxes=mailboxes, executor_id=loaded.executor_id, extra=extra
        )
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: supervisor.stop())
        raise typer.Exit(supervisor.run())
    _work(import_ or [], poll_interval, mailboxes, supervisor_pid)


def _work(
    imports: list[str], poll_interval: float, mailboxes: bool, supervisor_pid: int | None
) -> None:
    """One worker process (`supervisor_pid`: it stops when that supervisor is gone)."""
    import structlog

    from knowreply import durable
    from knowreply.agent.warm import warm_up
    from knowreply.notifications.notifier import Notifier
    from knowreply.pipeline.intake import sweep
    from knowreply.pipeline.liveness import Liveness, beat, log_recovered
    from knowreply.pipeline.mailboxes import MailboxService, MailboxThread
    from knowreply.pipeline.workflow import MessageQueue, bind_runtime
    from knowreply.workers import supervisor_gone

    rt = runtime()
    log = structlog.get_logger(__name__)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    warm_up()  # before any work is taken, recovered work included
    bind_runtime(rt)
    executor = durable.executor_id(rt.settings)
    beat(rt, executor)
    queue = MessageQueue.open(rt)
    log_recovered(queue.pending_of(executor))  # a stable id: DBOS resumes these at launch
    durable.launch(
        rt.settings, executor, workflow_modules=["knowreply.pipeline.workflow", *imports]
    )
    liveness = Liveness(rt, executor)
    liveness.start()
    swept = sweep(rt, queue)
    watchers = MailboxThread(MailboxService(rt, queue, poll_interval=poll_interval))
    if mailboxes:
        watchers.start()
    notifier = Notifier(rt)
    notifier.start()
    log.info("worker.start", executor_id=executor, **swept._asdict())
    typer.echo("worker ready", err=True)
    while not stop.wait(1.0):
        if supervisor_gone(supervisor_pid):
            log.warning("worker.supervisor_gone", supervisor_pid=supervisor_pid)
            break
    if mailboxes:
        watchers.stop()
    notifier.stop()
    liveness.stop()
    queue.close()
    durable.shutdown()
    log.info("worker.stop")


@app.command()
@clean_errors
def demo(
    port: Annotated[int, typer.Option(help="Port for the dashboard.")] = 8000,
) -> None:
    """Try knowreply on this machine: a fake Stripe account, a demo sign-in, the dashboard and
    a worker beside it (Ctrl-C stops both)."""
    import uvicorn

    from knowreply.demo import prepare_demo, start_fake_stripe, with_stripe_api_base
    from knowreply.runtime import initialize
    from knowreply.web.app import create_app

    rt, _ = initialize(settings())
    _fit_model_for_the_demo()
    fake = start_fake_stripe(data_dir=rt.settings.data_dir)
    rt = with_stripe_api_base(rt, fake.url)
    sign_in = prepare_demo(rt)
    worker = _start_demo_worker(fake.url)
    typer.echo(
        f"\nknowreply demo: http://127.0.0.1:{port}/\n"
        f"  sign in as {sign_in.email} with the password {sign_in.password}\n"
        f"  fake Stripe account (test mode, demo customers): {fake.url}/\n"
        f"  a worker handles mail and Retry beside the dashboard (pid {worker.pid})\n"
        f"  then open the Simulator, or http://127.0.0.1:{port}/demo for the demo customers\n"
    )
    try:
        uvicorn.run(create_app(rt), host="127.0.0.1", port=port, log_config=None)
    finally:
        _stop(worker)
        fake.stop()


def _fit_model_for_the_demo() -> None:
    """Load the intent model here, fitting it with every core on a first run: else the
    demo's worker and its Simulator would each fit it alone, at once, for minutes."""
    from knowreply.agent.warm import cache_model, warm_up

    cache_model(jobs=os.cpu_count() or 1)
    warm_up()


def _start_demo_worker(stripe_api_base: str) -> subprocess.Popen[bytes]:
    """`knowreply worker` in a child process, on the demo's database and fake Stripe."""
    env = {**os.environ, "KNOWREPLY_STRIPE_API_BASE": stripe_api_base}
    return subprocess.Popen([sys.executable, "-m", "knowreply", "worker"], env=env)


def _stop(worker: subprocess.Popen[bytes]) -> None:
    """Ask the worker to finish (it may already have, on the terminal's Ctrl-C); then kill."""
    if worker.poll() is None:
        worker.send_signal(signal.SIGTERM)
    try:
        worker.wait(timeout=15)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()
