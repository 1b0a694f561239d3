"""The soft chime at the share timer's warning and time-up, made by the project itself.

The WAV files are generated with Python's `wave` module the first time a chime
is needed, into a cache folder, so nothing is downloaded and nothing large ships
in the wheel. QtMultimedia is imported only then, too: it is heavy, and on a
computer without audio it may not load at all. If it cannot load, or the sound
fails, `Chime` says so once through `audio_failed` and stays quiet from then
on; the timer's colours and words carry the cue alone.
"""

from __future__ import annotations

import io
import math
import struct
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal

from facilitator.atomic_storage import write_atomically
from facilitator.paths import make_private_folder

SAMPLE_RATE = 44100
UNAVAILABLE_NOTICE = "Sound is not available on this computer: timer cues are shown on screen only."

# (frequency in Hz, relative loudness) for each cue: a single soft bell for the
# warning, and a gentle falling pair for time-up.
_CUE_NOTES = {
    "warning": [(0.0, [(659.25, 1.0), (1318.5, 0.25)])],
    "time-up": [(0.0, [(783.99, 1.0), (1568.0, 0.2)]), (0.45, [(587.33, 1.0), (1174.7, 0.2)])],
}


def write_chime(path: Path, cue: str) -> Path:
    """Write a soft bell-like chime: a few sine partials with a quick fade-in and a slow decay."""
    notes = _CUE_NOTES[cue]
    seconds = notes[-1][0] + 1.4
    count = int(SAMPLE_RATE * seconds)
    samples = [0.0] * count
    for offset, partials in notes:
        first = int(offset * SAMPLE_RATE)
        for n in range(first, count):
            t = (n - first) / SAMPLE_RATE
            envelope = min(1.0, t / 0.012) * math.exp(-3.2 * t)
            samples[n] += envelope * sum(
                level * math.sin(2 * math.pi * freq * t) for freq, level in partials)
    peak = max(abs(s) for s in samples) or 1.0
    # A soft chime: peak at about a third of full scale.
    frames = b"".join(struct.pack("<h", int(s / peak * 0.33 * 32767)) for s in samples)
    sound = io.BytesIO()
    with wave.open(sound, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(frames)
    # In the data folder's cache, so private like everything there, and whole or not at all.
    make_private_folder(path.parent)
    write_atomically(path, sound.getvalue())
    return path


class Chime(QObject):
    """Plays the cue chimes, or explains once that it cannot."""

    audio_failed = Signal(str)

    def __init__(self, cache_dir: Path, volume: int = 60, muted: bool = False,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache_dir = cache_dir
        self._volume = volume
        self._muted = muted
        self._effects: dict[str, object] = {}
        self._failed = False

    @property
    def available(self) -> bool:
        return not self._failed

    @property
    def volume(self) -> int:
        return self._volume

    @property
    def muted(self) -> bool:
        return self._muted

    def set_volume(self, volume: int, muted: bool) -> None:
        self._volume, self._muted = volume, muted
        for effect in self._effects.values():
            effect.setVolume(self._volume / 100)

    def play(self, cue: str) -> None:
        """Chime for a cue ("warning" or "time-up"); silent when muted or when audio failed."""
        if self._muted or self._failed or self._volume <= 0:
            return
        effect = self._effects.get(cue) or self._load(cue)
        if effect is not None:
            effect.play()

    def _load(self, cue: str):
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except Exception:  # noqa: BLE001 - ImportError, or a missing system audio library
            self._fail()
            return None
        try:
            if QMediaDevices.defaultAudioOutput().isNull():
                self._fail()
                return None
            path = self._cache_dir / f"chime-{cue}.wav"
            if not path.exists():
                write_chime(path, cue)
        except OSError:
            self._fail()
            return None
        effect = QSoundEffect(self)
        effect.setSource(QUrl.fromLocalFile(str(path)))
        effect.setVolume(self._volume / 100)
        effect.statusChanged.connect(lambda: self._check(effect))
        self._effects[cue] = effect
        return effect

    def _check(self, effect) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        if effect.status() == QSoundEffect.Status.Error:
            self._fail()

    def _fail(self) -> None:
        if not self._failed:
            self._failed = True
            self.audio_failed.emit(UNAVAILABLE_NOTICE)
