"""What moderation tells the rest of the hub, without moderation importing any app.

An app that wants to know (the inbox tells the people concerned) connects a receiver.
"""

from django.dispatch import Signal

# Sent once the transaction commits, with `action`: a ModerationAction just written.
moderation_logged = Signal()
# Sent once the transaction commits, with `report`: a Report just decided.
report_decided = Signal()
