"""Synthetic anatomy for the demo's images: chest and head CT, brain MR, chest radiograph, ultrasound.

Not medicine, but close enough that a physician recognises what is shown and a viewer can be
tried on it: the right tissue values (Hounsfield units for CT), lungs with vessels, a spine,
ribs, a nodule that grew, and known-size objects to measure. Everything is drawn with numpy
from a seed, vectorised, and only inside each shape's bounding box: the 300-slice CT must be
made in a few seconds (tests/conftest.py generates the whole demo once per run).

Coordinates are patient coordinates in mm (DICOM LPS: x to the patient's left, y to the
back, z to the head); an image's column c is at x = origin + c × spacing, row r likewise in y.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

AIR, FAT, MUSCLE, LUNG, BLOOD, BONE = -1000, -100, 45, -850, 40, 650


def smoothstep(v: float) -> float:
    v = min(1.0, max(0.0, v))
    return v * v * (3 - 2 * v)


class Canvas:
    """An image grid in mm, painting ellipses and disks within their bounding boxes only."""

    def __init__(self, rows: int, columns: int, spacing: float, origin_x: float, origin_y: float) -> None:
        self.rows, self.columns, self.spacing = rows, columns, spacing
        self.origin_x, self.origin_y = origin_x, origin_y
        self.x = (origin_x + np.arange(columns) * spacing).astype(np.float32)
        self.y = (origin_y + np.arange(rows) * spacing).astype(np.float32)

    def ellipse(self, cx: float, cy: float, ax: float, by: float) -> tuple[slice, slice, np.ndarray] | None:
        """(row slice, column slice, mask) of an axis-aligned ellipse; None when off the grid."""
        if ax <= 0 or by <= 0:
            return None
        c0 = max(0, math.floor((cx - ax - self.origin_x) / self.spacing))
        c1 = min(self.columns, math.ceil((cx + ax - self.origin_x) / self.spacing) + 1)
        r0 = max(0, math.floor((cy - by - self.origin_y) / self.spacing))
        r1 = min(self.rows, math.ceil((cy + by - self.origin_y) / self.spacing) + 1)
        if c0 >= c1 or r0 >= r1:
            return None
        dx = ((self.x[c0:c1] - cx) / ax) ** 2
        dy = ((self.y[r0:r1] - cy) / by) ** 2
        return slice(r0, r1), slice(c0, c1), (dy[:, None] + dx[None, :]) <= 1.0

    def paint(self, image: np.ndarray, cx: float, cy: float, ax: float, by: float, value: float,
              within: np.ndarray | None = None, only: float | None = None) -> None:
        """Set `value` inside the ellipse; `within` a full-size mask, `only` a value to paint over."""
        found = self.ellipse(cx, cy, ax, by)
        if found is None:
            return
        rows, cols, mask = found
        if within is not None:
            mask = mask & within[rows, cols]
        if only is not None:
            mask = mask & (image[rows, cols] == only)
        image[rows, cols][mask] = value

    def disk(self, image: np.ndarray, cx: float, cy: float, r: float, value: float,
             within: np.ndarray | None = None, only: float | None = None) -> None:
        self.paint(image, cx, cy, r, r, value, within, only)


def sphere_radius(radius: float, dz: float) -> float:
    """The radius of a sphere's cross-section `dz` mm from its centre (0 when missed)."""
    return math.sqrt(radius * radius - dz * dz) if abs(dz) < radius else 0.0


# --------------------------------------------------------------------------------------
# Chest CT
# --------------------------------------------------------------------------------------

#: The chest CT's grid: 512 × 512 pixels of 0.7 mm; pixel (0, 0) at x = y = -179.2 mm, so
#: column 256 is the midline. Slices run from the lung apex (z = 0) down to z = -300.
CHEST_SIZE, CHEST_SPACING, CHEST_ORIGIN = 512, 0.7, -179.2
CHEST_LENGTH = 300.0


@dataclass(frozen=True)
class Sphere:
    x: float
    y: float
    z: float
    radius: float
    value: float


class ChestCT:
    """Axial slices (HU, int16) of a synthetic adult chest; geometry made once, varied per z."""

    def __init__(self, seed: int, spheres: tuple[Sphere, ...] = ()) -> None:
        rng = np.random.default_rng(seed)
        self.canvas = c = Canvas(CHEST_SIZE, CHEST_SIZE, CHEST_SPACING, CHEST_ORIGIN, CHEST_ORIGIN)
        self.spheres = spheres
        base = np.full((CHEST_SIZE, CHEST_SIZE), AIR, np.int16)
        c.paint(base, 0, 0, 165, 118, FAT)
        c.paint(base, 0, 0, 150, 103, MUSCLE)
        rows = (c.y >= 124) & (c.y <= 132)
        base[rows, :] = 250  # the table
        self.base = base
        chest = np.zeros_like(base, dtype=bool)
        found = c.ellipse(0, 0, 143, 95)
        assert found is not None
        chest[found[0], found[1]] = found[2]
        self.chest = chest
        self.tubes = _vessel_tree(rng)
        self.noise = [np.rint(rng.normal(0, 9, base.shape)).astype(np.int16) for _ in range(6)]
        self.rib_angles = np.linspace(-2.55, 2.55, 30)
        self.rib_phase = rng.uniform(0, 26, self.rib_angles.size)
        self._rng = rng

    def slice_hu(self, z: float, index: int) -> np.ndarray:
        c, t = self.canvas, min(1.0, max(0.0, -z / CHEST_LENGTH))
        img = self.base.copy()
        lungs = smoothstep(t / 0.45) * (1 - 0.6 * smoothstep((t - 0.78) / 0.22))
        if 0.06 < t < 0.97:
            c.paint(img, 5, -12, 38, 72, -90, within=self.chest)  # mediastinal fat
        for side in (-1, 1):
            narrow = 0.9 if side > 0 else 1.0  # the heart takes room on the left
            c.paint(img, side * (58 + 14 * lungs), 4 - 6 * lungs, (20 + 50 * lungs) * narrow, 24 + 66 * lungs,
                    LUNG, within=self.chest)
        self._vessels(img, z)
        self._airways(img, t)
        heart = smoothstep((t - 0.42) / 0.12) * (1 - smoothstep((t - 0.86) / 0.12))
        if heart > 0.05:
            c.paint(img, 22, -22, 66 * heart, 54 * heart, BLOOD)
        if 0.2 < t < 0.28:
            c.paint(img, 8, 10, 30, 40, BLOOD, only=-90)  # the aortic arch
        if 0.26 <= t < 0.46:
            c.disk(img, 14, -32, 15, BLOOD)
        if t >= 0.2:
            c.disk(img, 21, 50, 12, BLOOD)
        below = smoothstep((t - 0.72) / 0.22)
        if below > 0.02:
            c.paint(img, -50, 8, 100 * below, 86 * below, 60, within=self.chest)   # liver
            c.paint(img, 96, 40, 36 * below, 46 * below, 50, within=self.chest)    # spleen
            c.paint(img, 52, -28, 42 * below, 34 * below, 25, within=self.chest)   # stomach
            c.paint(img, 52, -44, 30 * below, 14 * below, AIR, within=self.chest)  # its air
        self._spine(img, z)
        self._ribs(img, z)
        if 0.12 < t < 0.72:
            c.paint(img, 0, -97, 14, 6, 450)  # sternum
        for s in self.spheres:
            radius = sphere_radius(s.radius, z - s.z)
            if radius > 0:
                c.disk(img, s.x, s.y, radius, s.value)
        shift = (index * 7919) % CHEST_SIZE
        img += np.roll(self.noise[index % len(self.noise)], shift, axis=1)
        return img

    def _vessels(self, img: np.ndarray, z: float) -> None:
        sx, sy, sz, dx, dy, dz, length, r0, r1 = self.tubes
        s = (z - sz) / dz
        active = np.nonzero((s >= 0) & (s <= length))[0]
        for i in active:
            f = s[i] / length[i]
            radius = r0[i] + (r1[i] - r0[i]) * f
            self.canvas.disk(img, sx[i] + s[i] * dx[i], sy[i] + s[i] * dy[i], radius / max(abs(dz[i]), 0.6),
                             BLOOD, only=LUNG)

    def _airways(self, img: np.ndarray, t: float) -> None:
        c = self.canvas
        if t < 0.36:
            c.disk(img, 0, -30 + 70 * t, 9, AIR)
        elif t < 0.5:
            spread = (t - 0.36) * 260
            for side in (-1, 1):
                c.disk(img, side * (6 + spread), -5, 6 - 8 * (t - 0.36), AIR)

    def _spine(self, img: np.ndarray, z: float) -> None:
        c = self.canvas
        disc = ((-z + 11.0) % 28.0) < 6.0
        c.paint(img, 0, 98, 15, 13, 500)   # arch (pedicles, laminae)
        c.paint(img, 0, 111, 4, 9, 600)    # spinous process
        c.disk(img, 0, 72, 19, 90 if disc else 700)
        if not disc:
            c.disk(img, 0, 72, 16.5, 260)  # cancellous bone inside the cortex
        c.disk(img, 0, 95, 8, 15)          # the canal and the cord

    def _ribs(self, img: np.ndarray, z: float) -> None:
        angles = self.rib_angles
        present = ((-z + 35 * np.cos(angles) + self.rib_phase) % 26.0) < 8.0
        for th in angles[present]:
            self.canvas.paint(img, 147 * math.sin(th), 99 * math.cos(th), 5, 4.5, BONE)


def _vessel_tree(rng: np.random.Generator) -> tuple[np.ndarray, ...]:
    """Straight tapering tubes from each hilum outwards, and two branches from each."""
    rows = []
    for side in (-1, 1):
        for _ in range(60):
            start = (side * rng.uniform(28, 48), rng.uniform(-25, 20), rng.uniform(-235, -70))
            rows.append((*start, *_direction(rng, side), rng.uniform(50, 150), rng.uniform(1.8, 3.6), 0.6))
    for parent in list(rows):
        sx, sy, sz, dx, dy, dz, length, r0, r1 = parent
        for _ in range(2):
            f = rng.uniform(0.3, 0.7)
            side = 1 if dx > 0 else -1
            ndx, ndy, ndz = _direction(rng, side)
            rows.append((sx + f * length * dx, sy + f * length * dy, sz + f * length * dz,
                         ndx, ndy, ndz, rng.uniform(20, 60), 0.7 * (r0 + (r1 - r0) * f), 0.5))
    return tuple(np.array(column, dtype=np.float64) for column in zip(*rows, strict=True))


def _direction(rng: np.random.Generator, side: int) -> tuple[float, float, float]:
    dz = rng.choice((-1, 1)) * rng.uniform(0.55, 0.95)
    horizontal = math.sqrt(1 - dz * dz)
    phi = rng.uniform(-1.2, 1.2)
    return side * horizontal * math.cos(phi), horizontal * math.sin(phi), dz


def topogram(projections: list[np.ndarray], slice_spacing: float, pixel: float) -> np.ndarray:
    """A frontal localizer from the slices' column sums, resampled to square pixels (uint16)."""
    stacked = np.asarray(projections, dtype=np.float32)  # (slices, columns): z down the rows
    rows = round(len(projections) * slice_spacing / pixel)
    positions = np.linspace(0, len(projections) - 1, rows)
    low = np.floor(positions).astype(int)
    high = np.minimum(low + 1, len(projections) - 1)
    f = (positions - low)[:, None]
    resampled = stacked[low] * (1 - f) + stacked[high] * f
    scaled = resampled / max(float(resampled.max()), 1.0) * 3000.0
    return np.clip(scaled, 0, 4095).astype(np.uint16)


# --------------------------------------------------------------------------------------
# Head CT and brain MR
# --------------------------------------------------------------------------------------

HEAD_AIR, SCALP, SKULL, CSF, GREY, WHITE, LESION, SINUS = range(8)


def head_labels(canvas: Canvas, t: float, lesions: bool = False) -> np.ndarray:
    """Tissue labels of an axial head slice at height fraction t (0 skull base, 1 vertex)."""
    img = np.full((canvas.rows, canvas.columns), HEAD_AIR, np.int8)
    g = math.sqrt(max(0.0, 1 - ((t - 0.32) / 0.74) ** 2))
    a, b = 76 * g, 95 * g
    if a < 8:
        return img
    canvas.paint(img, 0, 5, a, b, SCALP)
    canvas.paint(img, 0, 5, a - 5, b - 5, SKULL)
    canvas.paint(img, 0, 5, a - 11, b - 11, CSF)
    canvas.paint(img, 0, 5, a - 13, b - 13, GREY)
    if t > 0.2:
        canvas.paint(img, 0, 5, a - 19, b - 19, WHITE)
    if 0.34 < t < 0.64:
        v = 1 - abs(t - 0.49) / 0.15
        for side in (-1, 1):
            canvas.paint(img, side * 8, -2, 5 + 2 * v, 10 + 14 * v, CSF)
    if 0.3 < t < 0.44:
        canvas.paint(img, 0, 12, 2, 8, CSF)
    if t > 0.42:
        canvas.paint(img, 0, 5, 1.2, b - 16, CSF, only=WHITE)  # the falx in its fissure
        canvas.paint(img, 0, 5, 1.2, b - 16, CSF, only=GREY)
    if t < 0.16:
        for side in (-1, 1):
            canvas.paint(img, side * 20, -62, 13, 11, SINUS)
            canvas.paint(img, side * 54, 22, 8, 8, SINUS)
    if lesions and 0.55 < t < 0.72:
        for x, y, r in ((-22, -42, 2.4), (20, -46, 2.0), (14, -30, 1.8)):
            canvas.disk(img, x, y, r, LESION, only=WHITE)
    return img


#: HU of each head label (index = label).
HEAD_HU = np.array([AIR, 40, 1400, 8, 40, 28, 30, -900], dtype=np.int16)
#: MR signal of each label on T1- and T2-weighted images.
MR_T1 = np.array([0, 850, 60, 190, 480, 640, 430, 0], dtype=np.float32)
MR_T2 = np.array([0, 520, 40, 1250, 760, 540, 1120, 0], dtype=np.float32)


def head_ct_slice(canvas: Canvas, t: float, noise: np.ndarray) -> np.ndarray:
    return HEAD_HU[head_labels(canvas, t)] + noise


def mr_slice(canvas: Canvas, t: float, table: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Signal (uint16) with partial-volume edges, a coil's bias field and Rician noise."""
    labels = head_labels(canvas, t, lesions=True)
    signal = table[labels]
    signal = (signal + np.roll(signal, 1, 0) + np.roll(signal, -1, 0) + np.roll(signal, 1, 1)
              + np.roll(signal, -1, 1)) / 5.0
    signal *= 1.0 + 0.0012 * canvas.y[:, None]
    noisy = np.hypot(signal + rng.normal(0, 16, signal.shape), rng.normal(0, 16, signal.shape))
    return np.clip(noisy, 0, 4095).astype(np.uint16)


# --------------------------------------------------------------------------------------
# Chest radiograph
# --------------------------------------------------------------------------------------


def chest_radiograph(seed: int, size: int = 1024, spacing: float = 0.4, nodule: bool = True,
                     female: bool = False) -> np.ndarray:
    """A PA chest film as attenuation 0..1 (float32): bright where much tissue is crossed."""
    rng = np.random.default_rng(seed)
    half = size * spacing / 2
    x = (np.arange(size) * spacing - half).astype(np.float32)[None, :]  # image left = patient right
    y = (np.arange(size) * spacing - half).astype(np.float32)[:, None]  # down = feet
    a = np.zeros((size, size), np.float32)
    width = 160 if female else 172
    a += 0.55 * ((np.abs(x / width) ** 2.5 + np.abs((y - 60) / 280) ** 2.5) < 1)
    for side in (-1, 1):
        a += 0.45 * (((x - side * 150) / 70) ** 2 + ((y + 150) / 60) ** 2 < 1)
    a += 0.5 * ((np.abs(x) < 45) & (y < -160))
    a = np.minimum(a, 0.62)
    for side in (-1, 1):
        dome = (105 if side < 0 else 120) - 0.004 * (x - side * 80) ** 2
        lung = (((x - side * 80) / 72) ** 2 + ((y + 5) / 160) ** 2 < 1) & (y < dome)
        a -= 0.33 * lung
    a += 0.22 * (((x - 25) / 78) ** 2 + ((y - 55) / 70) ** 2 < 1)   # heart
    a += 0.12 * ((np.abs(x - 3) < 28) & (y < 60) & (y > -170))         # mediastinum
    a += 0.22 * (np.abs(x) < 22)                                        # spine
    a += 0.04 * ((np.abs(x) < 22) & ((y % 26) < 3))                     # its discs' end plates
    u = np.clip((np.abs(x) - 20) / 150, 0, 1)
    for k in range(10):
        curve = -150 + 25 * k - 28 * np.sin(u * math.pi) + 45 * u * u
        a += 0.11 * ((np.abs(y - curve) < 4.5) & (np.abs(x) > 20) & (np.abs(x) < 168))
    for side in (-1, 1):
        along = np.clip((x * side - 25) / 125, 0, 1)
        a += 0.18 * ((np.abs(y - (-160 - 25 * along)) < 5) & (x * side > 25) & (x * side < 150))
    if nodule:
        a += 0.12 * (((x + 62) ** 2 + (y + 70) ** 2) < 36)
    a -= 0.2 * (((x - 70) / 35) ** 2 + ((y - 150) / 20) ** 2 < 1)    # the gastric bubble
    a = _box_blur(_box_blur(np.clip(a, 0, 1), 3), 2)
    a += rng.normal(0, 0.006, a.shape).astype(np.float32)
    return np.clip(a, 0, 1)


def _box_blur(image: np.ndarray, radius: int) -> np.ndarray:
    """Separable box blur by cumulative sums: smooth edges as an X-ray's blur has them."""
    out = image
    for axis in (0, 1):
        padded = np.pad(out, [(radius + 1, radius) if ax == axis else (0, 0) for ax in (0, 1)], mode="edge")
        summed = np.cumsum(padded, axis=axis, dtype=np.float32)
        if axis == 0:
            out = (summed[2 * radius + 1:] - summed[:-2 * radius - 1]) / (2 * radius + 1)
        else:
            out = (summed[:, 2 * radius + 1:] - summed[:, :-2 * radius - 1]) / (2 * radius + 1)
    return out.astype(np.float32)


# --------------------------------------------------------------------------------------
# Abdominal ultrasound
# --------------------------------------------------------------------------------------

US_ROWS, US_COLUMNS = 480, 640
US_APEX = (30, 320)
US_RADII = (40.0, 440.0)
US_DEPTH_CM = 16.0
US_HALF_ANGLE = math.radians(36)


def ultrasound_frames(seed: int, frames: int, fatty: bool, gallbladder: bool) -> list[np.ndarray]:
    """Frames (uint8 RGB) of a curved-array liver scan, breathing slowly."""
    rng = np.random.default_rng(seed)
    rows, cols = np.mgrid[0:US_ROWS, 0:US_COLUMNS].astype(np.float32)
    dr, dc = rows - US_APEX[0], cols - US_APEX[1]
    radius = np.hypot(dr, dc)
    fan = (radius >= US_RADII[0]) & (radius <= US_RADII[1]) & (np.abs(np.arctan2(dc, dr)) <= US_HALF_ANGLE)
    depth = np.clip((radius - US_RADII[0]) / (US_RADII[1] - US_RADII[0]), 0, 1)
    attenuation = np.exp(-depth * (2.0 if fatty else 0.8))
    pad = 24
    speckle: np.ndarray = np.hypot(rng.normal(0, 1, (US_ROWS + 2 * pad, US_COLUMNS)),
                       rng.normal(0, 1, (US_ROWS + 2 * pad, US_COLUMNS))).astype(np.float32)
    speckle = (speckle + np.roll(speckle, 1, 1) + np.roll(speckle, 1, 0)) / 3
    overlay = _us_overlay()
    out = []
    for f in range(frames):
        shift = 8 * math.sin(2 * math.pi * f / frames)
        tissue = np.full((US_ROWS, US_COLUMNS), 0.75 if fatty else 0.5, np.float32)
        yy = rows - shift
        if gallbladder:
            tissue[((yy - 250) / 30) ** 2 + ((cols - 395) / 58) ** 2 < 1] = 0.03
            tissue[(((yy - 250) / 30) ** 2 + ((cols - 395) / 58) ** 2 >= 1) & (yy > 260)
                   & (np.abs(cols - 395) < 40)] *= 1.3  # enhancement behind the fluid
        vein = ((yy - 200) / 13) ** 2 + ((cols - 275) / 38) ** 2
        tissue[vein < 1] = 0.04
        tissue[(vein >= 1) & (vein < 1.5)] = 1.0
        tissue[np.abs(yy - (390 + 0.0006 * (cols - 320) ** 2)) < 4] = 1.3  # the diaphragm
        offset = pad + round(shift)
        grain = speckle[offset:offset + US_ROWS]
        image = np.clip(tissue * attenuation * grain * 0.55, 0, 1) * fan
        grey = np.maximum((image * 255).astype(np.uint8), overlay)
        rgb = np.stack([grey, (grey * 0.97).astype(np.uint8), (grey * 0.9).astype(np.uint8)], axis=-1)
        out.append(rgb)
    return out


def _us_overlay() -> np.ndarray:
    """The scanner's annotations and the depth scale (1 cm ticks), burnt into every frame."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (US_COLUMNS, US_ROWS), 0)
    draw = ImageDraw.Draw(image)
    draw.text((12, 8), "HUREN DEMO US  C5-1  ABD", fill=220)
    draw.text((12, 22), f"FR 30Hz  D {US_DEPTH_CM:.0f}cm  G 52", fill=200)
    per_cm = (US_RADII[1] - US_RADII[0]) / US_DEPTH_CM
    for cm in range(int(US_DEPTH_CM) + 1):
        row = int(US_APEX[0] + US_RADII[0] + cm * per_cm)
        if row < US_ROWS:
            draw.line([(612, row), (620 if cm % 5 else 626, row)], fill=230)
    return np.asarray(image, dtype=np.uint8)
