"""What the bot itself says: CLI error lines, adapter and shutdown notices, and every log line.

Named, coded messages (see ``domain/messages.py``): ``B`` codes for what a person reads in chat or
in the terminal, ``L4xx`` codes for the log. Refusals of the handlers, the store and ingest live in
their own layers' catalogues (``handlers/messages.py``, ``store/messages.py``, ``ingest/messages.py``).
"""

from domain.messages import Message

# The command line
NOT_A_DATE = Message("B001", "not a date (YYYY-MM-DD): {text!r}")
NOT_A_TIME = Message("B002", "not a date or time (YYYY-MM-DD[THH:MM]): {text!r}")
CANNOT_READ_BATCH = Message("B003", "newsroom compare: cannot read {path}: {reason}")
COMPARE_NEEDS_CLAIM = Message("B004", "newsroom compare: give a CLAIM or --batch FILE")
CANNOT_WRITE_EXPORT = Message("B005", "newsroom export: cannot write {path}: {reason}")
BACKUP_EXISTS = Message("B006", "newsroom backup: {path} exists; give a new file")
BACKUP_NO_FOLDER = Message("B007", "newsroom backup: no folder {folder}")
NO_DATABASE = Message("B008", "newsroom: no database at {path} (ingest something first, or check --db)")
NOT_NEWSROOM_DATABASE = Message("B009", "newsroom: {path} is not a newsroom database ({reason})")
INGEST_NEEDS_SOURCE = Message("B010", "newsroom ingest: give a PATH, URL, - or --manifest FILE")
BAD_LOG_FORMAT = Message("B011", "newsroom: NEWSROOM_LOG_FORMAT must be text or json, not {form!r}")
COMMAND_FAILED = Message("B012", "newsroom: {reason}")

# Settings
NOT_A_WHOLE_NUMBER = Message("B013", "{name} must be a whole number, not {value!r}")
NOT_A_TIMEZONE = Message("B014", "NEWSROOM_TZ must be a time zone such as Europe/Berlin, not {value!r}")
SLACK_NEEDS_TOKEN = Message("B015", "Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)")

# Digest schedules (crontab lines a channel sets with /digest cron)
NOT_A_WEEKDAY = Message("B016", "“{text}” is not a day of the week (0–7 or sun–sat)")
BAD_STEP = Message("B017", "“{item}” has a bad step")
RUNS_BACKWARDS = Message("B018", "“{item}” runs backwards")
CRON_FIELDS = Message("B019", "a cron line has five fields (minute hour day month weekday), not {count}")
CRON_TIMEZONE = Message("B020", "unknown time zone {timezone!r}")
DIGESTS_NOT_STARTED = Message("B021", "the digest service is not started")

# Chat: what a reporter is told instead of an answer
SORRY = Message("B022", "Something went wrong on our side; it is logged. Try again in a moment.")
CLOSING = Message("B023", "The bot is restarting; nothing was done. Try again in a minute.")
#: A command abandoned after the grace period, once the store takes no more articles.
ABANDONED = Message("B024", "The bot is restarting; your {what} was not {done}, send it again.")
#: The same when the store could not be stopped in time: the command may still have finished.
ABANDONED_UNSURE = Message(
    "B025", "The bot is restarting; your {what} was cut short. Check it later, or send it again."
)
DISCORD_INGEST_EMPTY = Message("B026", "Give /ingest a link or attach a file.")
BROWSE_NO_ARTICLE = Message("B027", "No article {article_id}")
FILE_TOO_LARGE = Message("B028", "Too large: the limit is {limit_mb:g} MB")
DISCORD_ATTACHMENT_FAILED = Message("B029", "Could not download the attachment")
SLACK_NO_DOWNLOAD_LINK = Message("B030", "Slack did not give a download link for this file")
SLACK_FILE_FAILED = Message("B031", "Could not download the file from Slack")

# Log lines: chat turns
COMMAND_DONE = Message("L401", "{platform} {command} in {channel}: {outcome} in {took} ms")
COMMAND_CRASHED = Message("L402", "{command} failed in {where}")
PROGRESS_NOT_SENT = Message("L403", "progress note not sent: {reason}")
ANSWER_TO_DM = Message("L404", "answer to {line!r} in {where} not delivered ({reason}); sending it by direct message")
ANSWER_LOST_DM = Message(
    "L405", "answer to {line!r} in {where} lost: not delivered by direct message either ({reason})"
)
DISCORD_COMMAND_FAILED = Message("L406", "discord command failed")
ATTACHMENT_NOT_DOWNLOADED = Message("L407", "attachment {name} not downloaded: {reason}")
DISCORD_REACTION_FAILED = Message("L408", "reaction {emoji} failed: {reason}")
SLACK_RETRY_IGNORED = Message("L409", "slack event {event_id} already handled; retry ignored")
SLACK_REQUEST_FAILED = Message("L410", "slack request failed: {reason}")
SLACK_DOWNLOAD_FAILED = Message("L411", "download of {name} failed: {reason}")
SLACK_REACTION_FAILED = Message("L412", "reaction {name} on {ts} failed: {reason}")
RESPONSE_URL_RETRY = Message(
    "L413", "slack response_url gave {status} for {command} in {channel}; retrying in {wait:.1f} s"
)
RESPONSE_URL_TO_WEB_API = Message(
    "L414", "slack response_url gave {status} for {command} in {channel}; answering through the Web API"
)
ANSWER_LOST_NO_CHANNEL = Message(
    "L415", "answer to {command} lost: response_url failed and there is no channel to post to"
)
ANSWER_LOST = Message("L416", "answer to {command} in {channel} lost: {reason}")

# Log lines: digests and watch alerts
SCHEDULER_STARTED = Message("L417", "digest scheduler {instance} started with {count} schedules")
SCHEDULER_STOPPED_UNASKED = Message("L418", "the digest scheduler stopped unasked")
DIGESTS_CUT = Message(
    "L419", "{count} digest(s) not finished in time: stopped unposted; their articles wait for the next digest"
)
CLAIMS_RELEASED = Message("L420", "released {count} unfinished digest claims of {instance}")
DIGEST_CLAIMED_ELSEWHERE = Message("L421", "digest {slot} for {channel} already claimed by another instance")
DIGEST_BUSY = Message("L422", "digest {slot} for {channel} not run: another digest for the channel is running")
DIGEST_FAILED = Message("L423", "digest for {channel} failed")
NO_ADAPTER = Message("L424", "no {platform} adapter is running; digest for {channel} not posted")
DIGEST_UNCONFIRMED = Message("L425", "digest for {channel} not confirmed; its articles wait for the next digest")
DIGEST_NOT_POSTED = Message("L426", "digest for {platform}:{channel} not posted")
ALERTS_NOT_BUILT = Message("L427", "watch alerts for {platform} not built")
ALERT_NOT_SENT = Message("L428", "watch alert to {platform}:{user} not sent")
ALERT_SENT = Message("L429", "watch alert sent to {platform}:{user} ({count} items)")

# Log lines: starting, supervising and stopping
SLACK_SOCKET_MODE = Message("L430", "Slack connected in Socket Mode")
SLACK_HTTP_MODE = Message("L431", "Slack HTTP mode: listening on http://{host}:{port}/slack/events")
HEALTH_LISTENING = Message("L432", "health checks on http://{host}:{port}/healthz and /readyz")
PART_STOPPED_BY_ITSELF = Message("L433", "{name} stopped by itself; starting it again in {pause:.0f} s")
PART_CANNOT_RUN = Message("L434", "{name} cannot run: {reason}")
PART_CRASHED = Message("L435", "{name} crashed; starting it again in {pause:.0f} s")
SIGNAL_RECEIVED = Message("L436", "{signal} received: finishing running work, then stopping")
SHUTTING_DOWN = Message("L437", "shutting down: {running} commands running, {grace} s to finish")
ABANDONING = Message("L438", "{running} command(s) still running after {grace} s: abandoning them")
ANSWERS_CUT = Message("L439", "{count} answer(s) not delivered within {seconds:.0f} s: stopped")
NOT_CLOSED = Message("L440", "{task} did not close within {seconds:.0f} s")
STORE_NOT_STOPPED = Message("L441", "the store did not stop taking articles within {seconds:.0f} s")
STOPPED = Message("L442", "stopped")
ENDED_WHILE_STOPPING = Message("L443", "{task} ended with {reason!r} while stopping")
EXITING_ABANDONED = Message(
    "L444",
    "exiting with {count} command(s) abandoned after the grace period; their users were told to send "
    "them again, and an abandoned ingest stores nothing",
)
THREADS_LEFT = Message("L445", "work handed to threads did not end within {seconds:.0f} s of stopping")
