"""The external-information models, one module per area."""

from caunoi.publishing.models.articles import Article, ArticleImage, ArticleStatus
from caunoi.publishing.models.bulletin import BulletinEntry, BulletinIssue
from caunoi.publishing.models.channels import Channel, Placement
from caunoi.publishing.models.pages import Page

__all__ = [
    "Article",
    "ArticleImage",
    "ArticleStatus",
    "BulletinEntry",
    "BulletinIssue",
    "Channel",
    "Page",
    "Placement",
]
