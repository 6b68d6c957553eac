"""Shared helpers for the Word-output tests: hand-built meetings and LibreOffice conversion.

Holds no tests itself; the meetings follow the seeds' Q4 marketing kick-off
(seed 000) and the product-launch coordination meeting (seed 001).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pipeline.model import (
    Absentee,
    ActionItem,
    AgendaItem,
    Attendee,
    DatedNote,
    Meeting,
    Person,
)

ROOT = Path(__file__).resolve().parent.parent
FONTCONFIG = ROOT / "scripts" / "fontconfig" / "fonts.conf"


def q4_meeting(language: str = "zh-Hans", status: str = "draft") -> Meeting:
    """Seed 000's 'Q4营销活动筹备会', every field filled in, plus one task with gaps."""
    design_task = ActionItem(
        task="活动宣传主视觉设计",
        owner=Person(department="设计部", name="周主管"),
        collaborators=[Person(department="市场部", name="李专员")],
        start=dt.date(2023, 11, 10),
        due=dt.date(2023, 11, 25),
        description="根据活动主题“焕新启程，智享生活”，设计线上（公众号banner、朋友圈广告）及线下（门店海报、易拉宝）宣传物料主视觉",
        milestones=[
            DatedNote(date=dt.date(2023, 11, 15), text="市场部提交文案及品牌规范"),
            DatedNote(date=dt.date(2023, 11, 22), text="输出3版设计稿初稿"),
            DatedNote(date=dt.date(2023, 11, 25), text="定稿并交付源文件"),
        ],
        resources=["市场部11月15日前提供活动文案终稿及品牌VI手册", "预算5000元（含图片素材采购）"],
        acceptance="符合品牌视觉规范，风格与活动主题一致；输出JPG及源文件+PDF",
        progress=[DatedNote(date=dt.date(2023, 11, 12), text="已完成品牌规范整理，待市场部文案")],
        risks=["市场部文案延期会影响初稿输出时间"],
        status="in_progress",
        notes="初稿需经市场部、销售部联合评审，修改不超过2次",
        line=31,
        end_line=40,
        agenda_index=1,
    )
    return Meeting(
        title="Q4营销活动筹备会",
        date=dt.date(2023, 10, 25),
        start_time="14:00",
        end_time="16:00",
        location="公司3楼会议室A",
        project="Q4营销活动筹备",
        host=Person(department="市场部", name="王经理"),
        recorder=Person(department="市场部", name="李专员"),
        attendees=[
            Attendee(department="市场部", name="王经理"),
            Attendee(department="市场部", name="李专员"),
            Attendee(department="销售部", name="赵主管"),
            Attendee(department="产品部", name="钱经理"),
            Attendee(department="设计部", name="周主管"),
            Attendee(department="财务部", name="孙会计", role="observer"),
        ],
        absentees=[Absentee(department="销售部", name="吴经理", reason="客户拜访", proxy="赵主管")],
        agenda=[
            AgendaItem(
                title="活动目标与范围确认",
                start_time="14:00",
                end_time="14:20",
                discussion=[
                    "王经理介绍活动核心目标：提升新品A在华东地区的市场认知度，目标销量5000台。",
                    "销售部赵主管反馈：需重点关注渠道商激励政策，保证线下门店配合推广。",
                ],
                resolutions=["活动范围锁定华东地区（沪、苏、浙、皖），线上+线下同步推进。"],
            ),
            AgendaItem(
                title="跨部门分工与时间节点",
                start_time="14:20",
                end_time="15:30",
                discussion=["设计部根据市场部文案11月22日前输出3版主视觉设计稿。"],
                disagreements=["销售部希望12月前完成门店物料，设计部认为时间不足。"],
                resolutions=["详见《跨部门任务分配表》（附件1）。"],
            ),
        ],
        action_items=[
            ActionItem(
                task="提交渠道商激励方案初稿",
                owner=Person(department="销售部", name="赵主管"),
                due=dt.date(2023, 11, 10),
                acceptance="方案含激励标准、预算及预期效果",
                line=18,
                agenda_index=0,
            ),
            design_task,
            ActionItem(
                task="提交人力成本申请",
                owner=Person(department="市场部", name="王经理"),
                due=dt.date(2023, 11, 8),
                line=45,
            ),
            ActionItem(task="反馈线下活动门店清单", owner=Person(department="销售部"), line=47),
            ActionItem(task="确认最终功能列表", line=49, due_text="下周五"),
        ],
        attachments=["《跨部门任务分配表》", "Q4营销活动初步方案（V1.2）"],
        risks=["若产品功能开发延期，活动上线时间需调整。"],
        next_meeting="2023年11月1日 14:00，公司3楼会议室A",
        status=status,  # type: ignore[arg-type]
        language=language,  # type: ignore[arg-type]
    )


def english_meeting() -> Meeting:
    """Seed 001's product-launch coordination, in English."""
    return Meeting(
        title="Q3 Product Launch Coordination",
        date=dt.date(2024, 7, 3),
        start_time="10:00",
        end_time="11:30",
        location="Room 5B & online",
        host=Person(department="Product", name="Alice Chen"),
        recorder=Person(department="Operations", name="Ben Wu"),
        attendees=[
            Attendee(department="R&D", name="Carl Li"),
            Attendee(department="Marketing", name="Dana Xu"),
        ],
        agenda=[
            AgendaItem(
                title="Launch schedule",
                discussion=["R&D: the rework needs 2 weeks; delivery can be staged."],
                resolutions=["Phase 1 (core features) done by 19 July."],
            )
        ],
        action_items=[
            ActionItem(
                task="Fix core-feature compatibility <critical> & test",
                owner=Person(department="R&D", name="Carl Li"),
                due=dt.date(2024, 7, 19),
                acceptance="passes the full QA run with no compatibility bug",
                line=12,
            )
        ],
        status="final",
        language="en",
    )


def docx_text(data: bytes) -> str:
    """All text of a .docx (body, tables, headers, footers) as python-docx reads it."""
    from docx import Document

    document = Document(io.BytesIO(data))
    chunks: list[str] = []

    def walk_paragraphs(paragraphs: list) -> None:
        chunks.extend(p.text for p in paragraphs)

    def walk_tables(tables: list) -> None:
        for table in tables:
            for row in table.rows:
                for cell in row.cells:
                    walk_paragraphs(cell.paragraphs)
                    walk_tables(cell.tables)

    walk_paragraphs(document.paragraphs)
    walk_tables(document.tables)
    for section in document.sections:
        for part in (section.header, section.footer, section.even_page_header, section.even_page_footer):
            walk_paragraphs(part.paragraphs)
    return "\n".join(chunks)


def docx_part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


def find_soffice() -> str | None:
    """LibreOffice's ``soffice``: on the PATH (``soffice``, ``libreoffice``), else where its
    installer puts it: ``%ProgramFiles%\\LibreOffice\\program\\soffice.exe`` (and the
    ``%ProgramFiles(x86)%`` one) on Windows, ``/Applications/LibreOffice.app`` on macOS."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    candidates: list[str] = []
    if os.name == "nt":
        for variable, default in (
            ("ProgramFiles", r"C:\Program Files"),
            ("ProgramFiles(x86)", r"C:\Program Files (x86)"),
        ):
            folder = os.environ.get(variable) or default
            candidates.append(os.path.join(folder, "LibreOffice", "program", "soffice.exe"))
    elif sys.platform == "darwin":
        candidates.append("/Applications/LibreOffice.app/Contents/MacOS/soffice")
    return next((path for path in candidates if os.path.isfile(path)), None)


def soffice_or_skip() -> str:
    """The soffice binary; a missing one fails under CI=true (it must be installed there)."""
    binary = find_soffice()
    if binary:
        return binary
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("LibreOffice (soffice) is missing; scripts/install-system-deps.sh installs it")
    pytest.skip("LibreOffice (soffice) is not installed")
    raise AssertionError  # unreachable


def convert_to_pdf(docx_files: list[Path], out_dir: Path, profile_dir: Path) -> list[Path]:
    """Convert with LibreOffice (private profile, the repo's font aliases); fails if no PDF appears."""
    soffice = soffice_or_skip()
    env = dict(os.environ)
    if FONTCONFIG.exists():
        env["FONTCONFIG_FILE"] = str(FONTCONFIG)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile_dir.resolve().as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *map(str, docx_files),
        ],
        check=False,
        capture_output=True,
        timeout=300,
        env=env,
    )
    pdfs = [out_dir / (f.stem + ".pdf") for f in docx_files]
    missing = [p.name for p in pdfs if not p.exists() or p.stat().st_size == 0]
    assert not missing, f"LibreOffice produced no PDF for {missing}"
    return pdfs
