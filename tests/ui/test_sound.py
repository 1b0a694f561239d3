"""The chimes the project makes for itself: real WAV files, kept privately in the cache."""

from __future__ import annotations

import os
import stat
import wave

import pytest

from ui.sound import SAMPLE_RATE, write_chime


@pytest.mark.parametrize("cue", ["warning", "time-up"])
def test_each_chime_is_a_short_soft_mono_wav(tmp_path, cue):
    path = write_chime(tmp_path / "data" / "cache" / f"chime-{cue}.wav", cue)
    with wave.open(str(path)) as sound:
        assert (sound.getnchannels(), sound.getsampwidth(), sound.getframerate()) == (
            1, 2, SAMPLE_RATE)
        seconds = sound.getnframes() / SAMPLE_RATE
        frames = sound.readframes(sound.getnframes())
    assert 1 < seconds < 3
    loudest = max(abs(int.from_bytes(frames[n:n + 2], "little", signed=True))
                  for n in range(0, len(frames), 2))
    assert 0.25 * 32767 < loudest < 0.4 * 32767  # soft: about a third of full scale
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no temporary left
