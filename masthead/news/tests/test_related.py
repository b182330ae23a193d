"""The ranking behind "Read more": shared tags first, then similar text."""

from hypothesis import given
from hypothesis import strategies as st

from masthead.news.related import Corpus, Document, rank_related, terms

ELECTION = "The electoral commission barred the opposition candidate from the ballot"


def doc(id, tags=(), text=""):
    return Document(id=id, tags=frozenset(tags), text=text)


def test_more_shared_tags_rank_higher():
    target = doc(1, {"elections", "courts"}, ELECTION)
    one_tag = doc(2, {"elections"}, "A festival of documentary film opened")
    two_tags = doc(3, {"elections", "courts"}, "Prices of bread rose again")
    assert [i for i, _ in rank_related(target, [one_tag, two_tags])] == [3, 2]


def test_similar_text_breaks_a_tie_in_tags():
    target = doc(1, {"elections"}, ELECTION)
    unrelated = doc(2, {"elections"}, "Theatre directors rehearse a new comedy")
    similar = doc(3, {"elections"}, "Commission bars opposition candidate again")
    ranked = rank_related(target, [unrelated, similar, *FILLER])
    assert [i for i, _ in ranked] == [3, 2]


FILLER = [
    doc(10, {"music"}, "The band played three encores in Vilnius"),
    doc(11, {"budget"}, "Bread prices rose for the fifth month"),
]


def test_similar_text_without_shared_tags_still_counts():
    target = doc(1, {"elections"}, ELECTION)
    similar = doc(2, {"prisons"}, "Opposition candidate barred by the commission")
    assert [i for i, _ in rank_related(target, [similar, *FILLER])] == [2]


def test_words_in_every_article_carry_no_weight():
    target = doc(1, set(), "Nordavia news today")
    other = doc(2, set(), "Nordavia news tomorrow")
    assert rank_related(target, [other]) == []


def test_articles_sharing_nothing_are_left_out():
    target = doc(1, {"elections"}, ELECTION)
    stranger = doc(2, {"music"}, "The band played three encores in Vilnius")
    assert rank_related(target, [stranger]) == []


def test_the_article_itself_is_never_related():
    target = doc(1, {"elections"}, ELECTION)
    assert rank_related(target, [target, doc(2, {"elections"})]) == [(2, 1.0)]


def test_ties_keep_the_given_newest_first_order():
    target = doc(1, {"a"})
    candidates = [doc(n, {"a"}) for n in (5, 4, 3)]
    assert [i for i, _ in rank_related(target, candidates)] == [5, 4, 3]


def test_corpus_ranks_a_target_outside_it():
    corpus = Corpus([doc(2, {"a"}, ELECTION), doc(3, set(), "Bread prices")])
    assert [i for i, _ in corpus.rank(doc(9, set(), ELECTION))] == [2]


def test_terms_ignore_case_short_words_and_stopwords():
    assert terms("The Court and the COURT ruled on it") == {"court": 2, "ruled": 1}


tag_sets = st.frozensets(st.sampled_from(["a", "b", "c", "d"]), max_size=3)
texts = st.text(alphabet="abc xyz", max_size=40)
documents = st.builds(Document, id=st.integers(1, 30), tags=tag_sets, text=texts)


@given(
    target=documents,
    candidates=st.lists(documents, max_size=12),
    limit=st.integers(0, 5),
)
def test_related_articles_come_best_first_and_never_include_the_article(
    target, candidates, limit
):
    ranked = rank_related(target, candidates, limit)
    ids = [i for i, _ in ranked]
    scores = [score for _, score in ranked]
    assert len(ranked) <= limit
    assert target.id not in ids
    assert set(ids) <= {c.id for c in candidates}
    assert scores == sorted(scores, reverse=True)
    assert all(score > 0 for score in scores)
