"""DOC005 not-english: a draft in another language gets one finding, not a page of them.

Drafts written for these tests (the other languages' sentences too); the expected
languages are typed by hand."""

from __future__ import annotations

import tomllib

import pytest
from conftest import corpus_or_skip

from resolint.cli.drafts import why_draft
from resolint.config import Settings, settings_from_table
from resolint.engine import lint
from resolint.language import SAMPLE_CHARS, draft_language

FRENCH = """Projet de résolution

L'Assemblée générale,

Rappelant sa résolution 78/123 du 18 décembre 2023 et les résolutions antérieures sur la question,

Profondément préoccupée par la hausse de la criminalité organisée dans toutes les régions du monde,

Prenant note avec satisfaction du rapport du Secrétaire général sur les activités de l'Office,

1. Exhorte les États Membres qui ne l'ont pas encore fait à ratifier la Convention des Nations Unies contre la corruption ;

2. Prie le Secrétaire général de lui présenter, à sa prochaine session, un rapport sur l'application de la présente résolution ;

3. Décide d'inscrire la question à l'ordre du jour provisoire de sa prochaine session.
"""

SPANISH = """La Asamblea General,

Recordando su resolución 78/123, de 18 de diciembre de 2023, y las resoluciones anteriores sobre la cuestión,

Profundamente preocupada por el aumento de la delincuencia organizada en todas las regiones del mundo,

1. Insta a los Estados Miembros que aún no lo hayan hecho a que ratifiquen la Convención de las Naciones Unidas contra la Corrupción;

2. Solicita al Secretario General que le presente en su próximo período de sesiones un informe sobre la aplicación de la presente resolución;

3. Decide incluir el tema en el programa provisional de su próximo período de sesiones.
"""

PORTUGUESE = """A Assembleia Geral,

Recordando a sua resolução 78/123, de 18 de dezembro de 2023, e as resoluções anteriores sobre a questão,

Profundamente preocupada com o aumento da criminalidade organizada em todas as regiões do mundo,

1. Insta os Estados Membros que ainda não o fizeram a ratificar a Convenção das Nações Unidas contra a Corrupção;

2. Solicita ao Secretário-Geral que lhe apresente na sua próxima sessão um relatório sobre a aplicação da presente resolução;

3. Decide incluir o tema na agenda provisória da sua próxima sessão, com a participação dos Estados.
"""

GERMAN = """Die Generalversammlung,

unter Hinweis auf ihre Resolution 78/123 vom 18. Dezember 2023 und die früheren Resolutionen zu der Frage,

zutiefst besorgt über die Zunahme der organisierten Kriminalität in allen Regionen der Welt,

1. fordert die Mitgliedstaaten, die dies noch nicht getan haben, auf, das Übereinkommen der Vereinten Nationen gegen Korruption zu ratifizieren;

2. ersucht den Generalsekretär, ihr auf ihrer nächsten Tagung einen Bericht über die Durchführung dieser Resolution vorzulegen, der auch auf die Lage in den Regionen eingeht;

3. beschließt, den Punkt in die vorläufige Tagesordnung ihrer nächsten Tagung aufzunehmen.
"""

ITALIAN = """L'Assemblea Generale,

Richiamando la sua risoluzione 78/123 del 18 dicembre 2023 e le risoluzioni precedenti sulla questione,

Profondamente preoccupata per l'aumento della criminalità organizzata in tutte le regioni del mondo,

1. Esorta gli Stati membri che non lo hanno ancora fatto a ratificare la Convenzione delle Nazioni Unite contro la corruzione;

2. Chiede al Segretario generale di presentare alla sua prossima sessione una relazione sull'attuazione della presente risoluzione e sulla situazione nelle regioni;

3. Decide di iscrivere la questione all'ordine del giorno provvisorio della sua prossima sessione.
"""

RUSSIAN = """Генеральная Ассамблея,

ссылаясь на свою резолюцию 78/123 от 18 декабря 2023 года и на предыдущие резолюции по этому вопросу,

будучи глубоко обеспокоена ростом организованной преступности во всех регионах мира,

1. настоятельно призывает государства-члены ратифицировать Конвенцию Организации Объединенных Наций против коррупции;

2. просит Генерального секретаря представить ей на следующей сессии доклад об осуществлении настоящей резолюции.
"""

ARABIC = """إن الجمعية العامة،

إذ تشير إلى قرارها 78/123 المؤرخ 18 كانون الأول/ديسمبر 2023 وإلى قراراتها السابقة بشأن هذه المسألة،

وإذ يساورها بالغ القلق إزاء تزايد الجريمة المنظمة في جميع مناطق العالم،

1. تحث الدول الأعضاء على التصديق على اتفاقية الأمم المتحدة لمكافحة الفساد؛

2. تطلب إلى الأمين العام أن يقدم إليها في دورتها المقبلة تقريرا عن تنفيذ هذا القرار.
"""

CHINESE = """大会，

回顾其2023年12月18日第78/123号决议以及关于这一问题的以往各项决议，

深为关切世界各区域有组织犯罪的增加，

1. 敦促尚未批准《联合国反腐败公约》的会员国批准该公约；

2. 请秘书长在下届会议上向大会提交关于本决议执行情况的报告，并说明各区域的情况和各会员国采取的措施。
"""

ENGLISH = """The General Assembly,

Recalling its resolution 78/123 of 18 December 2023 and its earlier resolutions on the question,

Deeply concerned by the rise of organized crime in every region of the world,

1. Urges Member States that have not yet done so to ratify the United Nations Convention against Corruption;

2. Requests the Secretary-General to submit to it at its next session a report on the implementation of the present resolution.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [(FRENCH, "French"), (SPANISH, "Spanish"), (PORTUGUESE, "Portuguese"), (GERMAN, "German"), (ITALIAN, "Italian"),
     (RUSSIAN, "Cyrillic"), (ARABIC, "Arabic"), (CHINESE, "Chinese")],
)
def test_a_draft_in_another_language_is_told_apart(text, expected):
    found = draft_language(text)
    assert found is not None and found.name == expected


@pytest.mark.parametrize(
    "text",
    [
        ENGLISH,
        ENGLISH.upper(),  # capitals throughout (some Model UN drafts)
        ENGLISH.replace(" ", "\n"),  # one word a line: the quick test's spaces are gone
        # English with a French quotation and the French title of an instrument
        ENGLISH.replace("the present resolution.", "the present resolution, entitled \u00ab " + FRENCH[100:400] + " \u00bb."),
        "Résolution de l'Assemblée générale",  # too short to tell
        "",
    ],
)
def test_english_or_too_little_to_tell_is_english(text):
    assert draft_language(text) is None


def test_half_english_half_french_is_checked_as_english():
    assert draft_language(ENGLISH + "\n" + FRENCH) is None
    assert draft_language(FRENCH + "\n" + ENGLISH) is None


def test_the_language_is_that_of_the_beginning():
    english = "\n\n".join([ENGLISH] * (SAMPLE_CHARS // len(ENGLISH) + 2))
    assert draft_language(english + FRENCH * 30) is None  # (the whole text reads as French)
    assert draft_language(FRENCH * (SAMPLE_CHARS // len(FRENCH) + 2) + english) is not None


def test_labels_of_one_letter_are_not_words():
    # "(a)", "(e)", "(o)" are Portuguese and Italian words; a list of them is no language.
    items = "\n\n".join(f"({c}) {2000 + i}," for i, c in enumerate("aeiou" * 12))
    assert draft_language(items) is None


def _codes(text: str, **kwargs) -> list[str]:
    return [f.code for f in lint(text, **kwargs).findings]


def test_a_french_draft_gets_one_finding_and_no_other():
    assert lint(FRENCH).findings  # (the draft would have findings of other rules)
    ignored = _codes(FRENCH, settings=Settings(ignore=("DOC005",)))
    assert "OPR005" in ignored and "DOC005" not in ignored
    assert _codes(FRENCH) == ["DOC005"]
    finding = lint(FRENCH).findings[0]
    assert "French" in finding.message and finding.span.start == 0


def test_a_comment_that_turns_doc005_off_lets_the_checks_report():
    codes = _codes("<!-- resolint: file-ignore[DOC005] -->\n\n" + FRENCH)
    assert "DOC005" not in codes and "OPR005" in codes


def test_an_english_draft_gets_no_doc005():
    assert "DOC005" not in _codes(ENGLISH)


def test_house_rules_report_on_a_draft_in_another_language():
    table = tomllib.loads('[[custom-rules]]\ncode = "HSE001"\nmessage = "Not {match}"\npart = "operative"\npattern = [{ LOWER = "exhorte" }]\n')
    assert sorted(_codes(FRENCH, settings=settings_from_table(table, None))) == ["DOC005", "HSE001"]


def test_a_file_that_is_not_a_draft_says_it_is_not_english():
    is_draft, why = why_draft("notes.txt", SPANISH, (), ())
    assert not is_draft and "Spanish" in why


@pytest.mark.parametrize("prefix", ["unga", "unsc", "interpol", "itu"])
def test_no_english_resolution_of_the_corpus_reads_as_another_language(prefix):
    corpus = corpus_or_skip()
    for path in sorted(corpus.glob(f"{prefix}*.txt")):
        assert draft_language(path.read_text(encoding="utf-8")) is None, path.name


def test_a_draft_with_an_opening_the_parser_knows_is_english():
    # Each opening the parser knows is English: the words after it are not counted.
    assert "DOC005" not in _codes("The General Assembly,\n\n" + FRENCH.split("L'Assemblée générale,\n\n", 1)[1])
