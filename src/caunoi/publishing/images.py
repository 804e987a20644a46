"""Article photos: read with Pillow (the bytes must be a real JPEG, PNG or WebP, whatever the file is
called), turned upright by their EXIF orientation, resized to fit MAX_SIDE, and written again without any
metadata (EXIF carries the camera, the time and often the GPS position of whoever took it)."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django.core.files.base import ContentFile, File
from PIL import Image, ImageOps, UnidentifiedImageError

from caunoi.publishing import messages as m

MAX_SIDE = 1600  # pixels: sharp on a page and a screen, small enough for the bulletin PDF
MAX_MB = 10
MAX_PIXELS = 60_000_000  # a decompression bomb is refused before it is decoded
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


@dataclass(frozen=True)
class PreparedImage:
    content: ContentFile[bytes]
    name: str
    width: int
    height: int


def prepare(upload: File, field: str = "file") -> PreparedImage:
    """The upload as a clean, resized image; a RuleError (nothing saved) if it is not a usable image."""
    name = PurePath(upload.name or "anh").name
    size = upload.size or 0
    if size > MAX_MB * 1024 * 1024:
        raise m.IMAGE_TOO_LARGE(field=field, name=name, size=f"{size / 1024 / 1024:.1f}", limit=MAX_MB)
    upload.seek(0)
    data = upload.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                kind = probe.format
                width, height = probe.size
                if width * height > MAX_PIXELS:
                    raise m.IMAGE_TOO_MANY_PIXELS(field=field, name=name, width=width, height=height)
                probe.verify()
            image = Image.open(io.BytesIO(data))
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombWarning):
        raise m.IMAGE_INVALID(field=field, name=name) from None
    except Image.DecompressionBombError:
        raise m.IMAGE_INVALID(field=field, name=name) from None
    if kind not in FORMATS:
        raise m.IMAGE_INVALID(field=field, name=name)
    upright: Image.Image = ImageOps.exif_transpose(image) or image
    upright.thumbnail((MAX_SIDE, MAX_SIDE))
    # Transparency needs PNG; everything else becomes a JPEG. The pixels are copied into a new image, which
    # carries no metadata whatever the encoder would otherwise pass on (EXIF, XMP, ICC text, PNG chunks).
    keep_alpha = kind == "PNG" and upright.mode in ("RGBA", "LA", "P")
    mode = "RGBA" if keep_alpha else "RGB"
    pixels = upright.convert(mode)
    bare = Image.frombytes(mode, pixels.size, pixels.tobytes())
    out = io.BytesIO()
    if keep_alpha:
        bare.save(out, format="PNG", optimize=True)
        extension = "png"
    else:
        bare.save(out, format="JPEG", quality=85, optimize=True)
        extension = "jpg"
    stem = PurePath(name).stem[:80] or "anh"
    return PreparedImage(ContentFile(out.getvalue()), f"{stem}.{extension}", bare.size[0], bare.size[1])
