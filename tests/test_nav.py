"""The generated nav: documents by issuing body, newest first, each under its own title; no open group grows
with the corpus."""

from __future__ import annotations

import datetime

import yaml

from atlas.model.document import Document, DocumentMeta
from atlas.write.write import HOME_LIMIT, NAV_GROUP_LIMIT, document_list_page, home_page, nav_yaml


def doc(doc_id: str, body: str, day: datetime.date) -> Document:
    return Document(DocumentMeta(doc_id, f"文書{doc_id}", body, day, "proposal", "x.txt", "要旨。"))


def documents_under(node) -> list[str]:
    """Every page path under a nav node, in order."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [path for item in node for path in documents_under(item)]
    return [path for value in node.values() for path in documents_under(value)]


def test_a_large_body_is_divided_by_year_and_in_runs():
    docs = [doc(f"a{i:02d}", "大きな省", datetime.date(2024, 1, 1) + datetime.timedelta(days=i)) for i in range(25)]
    docs += [doc(f"b{i:02d}", "大きな省", datetime.date(2023, 3, 1) + datetime.timedelta(days=i)) for i in range(20)]
    docs += [doc("c", "小さな庁", datetime.date(2022, 5, 1))]
    nav = yaml.safe_load(nav_yaml(docs))["nav"]
    large = nav[2]["文書：大きな省"]
    assert [next(iter(group)) for group in large] == ["2024年（1/2）", "2024年（2/2）", "2023年"]
    sizes = [len(next(iter(group.values()))) for group in large]
    assert sizes == [NAV_GROUP_LIMIT, 5, 20]
    # Newest first, every document exactly once.
    listed = documents_under(large)
    assert listed[0] == "documents/a24/index.md" and listed[-1] == "documents/b00/index.md"
    assert sorted(listed) == sorted(f"documents/{d.meta.id}/index.md" for d in docs[:45])
    # A body with few documents stays one flat list.
    assert nav[3] == {"文書：小さな庁": [{"文書c（2022）": "documents/c/index.md"}]}


def test_every_document_is_listed_under_its_own_title_and_no_page_is_a_section_index():
    """With navigation.indexes, the first index.md of a group became the group's own page: its
    document lost its entry and, on narrow screens, its table of contents. Every page is a leaf."""
    one = doc("one", "ある省 局", datetime.date(2024, 1, 1))
    two = doc("two", "ある省 課", datetime.date(2023, 1, 1))
    nav = yaml.safe_load(nav_yaml([one, two]))["nav"]
    assert nav[2] == {"文書：ある省": [{"文書one（2024）": "documents/one/index.md"},
                                   {"文書two（2023）": "documents/two/index.md"}]}

    def bare_paths(node) -> list[str]:
        if isinstance(node, str):
            return [node]
        if isinstance(node, list):
            return [p for item in node for p in bare_paths(item)]
        return [p for value in node.values() if not isinstance(value, str) for p in bare_paths(value)]

    assert bare_paths(nav) == []  # every page has a title of its own in the nav


def test_the_home_page_lists_the_newest_documents_and_the_list_page_all_of_them():
    # A library larger than the home page shows: the newest HOME_LIMIT there, the rest one click away.
    docs = [doc(f"d{n:03}", "内閣府", datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
            for n in range(HOME_LIMIT + 5)]
    home = home_page("# Digital Policy Atlas\n", docs).text
    listed = [line for line in home.splitlines() if line.startswith("| ") and "index.md)" in line]
    assert len(listed) == HOME_LIMIT
    assert "(documents/d034/index.md)" in listed[0] and "(documents/d005/index.md)" in listed[-1]
    assert f"全 {HOME_LIMIT + 5} 件は[文書一覧](documents/index.md)" in home
    full = document_list_page(docs)
    assert full.path == "documents/index.md"
    assert sum("index.md)" in line for line in full.text.splitlines()) == HOME_LIMIT + 5
    assert "(d000/index.md)" in full.text  # relative to documents/
    assert "  - 文書一覧: documents/index.md" in nav_yaml(docs)


def test_a_small_library_is_listed_whole_on_the_home_page():
    docs = [doc(f"d{n}", "内閣府", datetime.date(2024, 1, 1 + n)) for n in range(3)]
    home = home_page("# Digital Policy Atlas\n", docs).text
    assert sum("index.md)" in line for line in home.splitlines()) == 3
    assert "全 " not in home
