"""`facilitator print`: a PDF on success, one clear line and exit 2 on a mistake."""

from __future__ import annotations

import subprocess
import sys

import pypdf
import pytest

from facilitator.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse reports bad options by exiting
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def test_prints_a_script(tmp_path, capsys):
    out = tmp_path / "step.pdf"
    code, stdout, stderr = run(capsys, "print", "step", "-o", str(out), "--step", "4",
                               "--date", "2026-04-07", "--start", "18:00")
    assert code == 0, stderr
    reader = pypdf.PdfReader(out)
    assert f"wrote {out} ({len(reader.pages)} pages)" in stdout
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Step 4" in text and "18:00" in text and "Tuesday, 7 April 2026" in text


@pytest.mark.parametrize("layout", ["script", "card", "readings", "newcomer"])
def test_every_layout_and_paper_from_the_command_line(tmp_path, capsys, layout):
    out = tmp_path / f"{layout}.pdf"
    code, _, stderr = run(capsys, "print", "smart", "-o", str(out), "--program", "smart",
                          "--layout", layout, "--paper", "index-5x8", "--large-print")
    assert code == 0, stderr
    box = pypdf.PdfReader(out).pages[0].mediabox
    assert (float(box.width), float(box.height)) == (360, 576)


def test_prints_a_format_file(tmp_path, capsys):
    source = tmp_path / "ours.toml"
    source.write_text('id = "ours"\nname = "Our Format"\nkind = "discussion"\nminutes = 30\n\n'
                      '[[segment]]\nkind = "reading"\nreading = "welcome"\nminutes = 5\n\n'
                      '[[segment]]\nkind = "shares"\nminutes = 25\n', "utf-8")
    out = tmp_path / "ours.pdf"
    code, _, stderr = run(capsys, "print", str(source), "-o", str(out), "--layout", "card")
    assert code == 0, stderr
    assert "Our Format" in pypdf.PdfReader(out).pages[0].extract_text()


def one_line_error(capsys, *argv: str) -> str:
    code, stdout, stderr = run(capsys, *argv)
    assert code == 2
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_bad_options_give_one_line(tmp_path, capsys):
    out = str(tmp_path / "x.pdf")
    assert "invalid choice: 'a5'" in one_line_error(capsys, "print", "step", "-o", out,
                                                    "--paper", "a5")
    assert "invalid choice: 'poster'" in one_line_error(capsys, "print", "step", "-o", out,
                                                       "--layout", "poster")
    assert "-o/--output" in one_line_error(capsys, "print", "step")
    assert "steps 1 to 12; there is no step 13" in one_line_error(
        capsys, "print", "step", "-o", out, "--step", "13")
    assert "SMART Recovery’s Four Points has points 1 to 4" in one_line_error(
        capsys, "print", "step", "-o", out, "--program", "smart", "--step", "5")
    assert "9999-12-31" in one_line_error(capsys, "print", "step", "-o", out,
                                          "--date", "9999-12-31")
    assert "2026-13-01" in one_line_error(capsys, "print", "step", "-o", out,
                                          "--date", "2026-13-01")
    assert "25:00" in one_line_error(capsys, "print", "step", "-o", out, "--start", "25:00")
    assert "unknown program 'zz'" in one_line_error(capsys, "print", "step", "-o", out,
                                                    "--program", "zz")
    assert "unknown format 'nope'" in one_line_error(capsys, "print", "nope", "-o", out)
    assert not (tmp_path / "x.pdf").exists()


def test_bad_files_give_one_located_line(tmp_path, capsys):
    out = str(tmp_path / "x.pdf")
    missing = tmp_path / "missing.toml"
    assert one_line_error(capsys, "print", str(missing), "-o", out) == \
        f"facilitator: {missing}: no such file"
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "bad"\nname = "Bad"\nkind = "discussion"\nminutes = 60\n\n'
                   '[[segment]]\nkind = "shares"\nminutes = -5\n', "utf-8")
    assert one_line_error(capsys, "print", str(bad), "-o", out).startswith(
        f"facilitator: {bad}:8:")
    assert "does not exist" in one_line_error(capsys, "print", "step", "-o",
                                              str(tmp_path / "no" / "x.pdf"))
    assert "is a folder" in one_line_error(capsys, "print", "step", "-o", str(tmp_path))


def test_too_long_for_a_card_is_one_clear_line(tmp_path, capsys):
    source = tmp_path / "long.toml"
    segment = ('[[segment]]\nkind = "custom"\nminutes = 1\ntitle = "Part"\n'
               'note = "A cue that goes on and on and on for the chair to read out."\n\n')
    source.write_text('id = "long"\nname = "Long"\nkind = "discussion"\nminutes = 60\n\n'
                      + segment * 60, "utf-8")
    line = one_line_error(capsys, "print", str(source), "-o", str(tmp_path / "c.pdf"),
                          "--layout", "card", "--paper", "index-5x8")
    assert "needs" in line and "cards at the smallest readable size" in line


def test_the_command_line_does_not_load_reportlab_until_printing():
    code = ("import sys\nfrom facilitator.cli import build_parser\nbuild_parser()\n"
            "assert not any(m.startswith('reportlab') for m in sys.modules), 'reportlab'\n"
            "import facilitator.sheets\n"
            "assert not any(m.startswith('reportlab') for m in sys.modules), 'sheets'\n")
    subprocess.run([sys.executable, "-c", code], check=True)
