from newsletter.models.issues import Article, Issue
from newsletter.models.sending import SendJob
from newsletter.models.subscribers import Subscriber, SubscriberEvent

__all__ = ["Article", "Issue", "SendJob", "Subscriber", "SubscriberEvent"]
