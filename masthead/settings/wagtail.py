"""Wagtail: the admin, images, documents, search and the rich-text editor."""

from .site import SITE_URL, env

WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILIMAGES_IMAGE_MODEL = "news.NewsImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "masthead.news.forms.NewsImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int("IMAGE_MAX_UPLOAD_BYTES", default=15 * 2**20)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["bold", "italic", "link", "ol", "ul"]},
    }
}
WAGTAIL_I18N_ENABLED = False

# Uploaded documents: served by the app only (never straight from /media/),
# always as downloads, and only of these types (docs/deploy.md, "Security").
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_EXTENSIONS = env.list(
    "DOCUMENT_EXTENSIONS",
    default=["pdf", "txt", "csv", "doc", "docx", "odt", "ods", "odp", "xls", "xlsx",
             "ppt", "pptx", "rtf", "epub", "zip"],
)  # fmt: skip
