"""Reading QR codes back in tests: from a poster's inline SVG, or from a screenshot."""

import io
import re

import zxingcpp
from PIL import Image, ImageDraw

MODULE_PX = 8
SVG = re.compile(r"<svg[^>]*class=\"qr\"[^>]*>.*?</svg>", re.DOTALL)


def qr_svgs(html: str) -> list[str]:
    return SVG.findall(html)


def _raster(svg: str) -> Image.Image:
    """Draw segno's SVG path (one stroke per run of dark modules) as a picture."""
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    path = re.search(r'class="qr-line"[^>]* d="([^"]+)"', svg).group(1)
    image = Image.new("L", (size * MODULE_PX, size * MODULE_PX), 255)
    draw = ImageDraw.Draw(image)
    x = y = 0.0
    for command, numbers in re.findall(r"([MmHh])([^MmHh]*)", path):
        values = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", numbers)]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        else:
            length = values[0] if command == "h" else values[0] - x
            row = int(y)
            draw.rectangle(
                [
                    x * MODULE_PX,
                    row * MODULE_PX,
                    (x + length) * MODULE_PX - 1,
                    (row + 1) * MODULE_PX - 1,
                ],
                fill=0,
            )
            x += length
    return image


def decode_svg(svg: str) -> str:
    found = zxingcpp.read_barcodes(_raster(svg))
    assert len(found) == 1, f"expected one QR code, read {len(found)}"
    return found[0].text


def decode_png(png: bytes) -> list[str]:
    return [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]
