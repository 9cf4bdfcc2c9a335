"""Quotes: who speaks in the shapes news uses, and how many independent origins a remark has."""

from __future__ import annotations

from storybrief.analyze import analyze
from storybrief.model import Analysis, Article, CopyLink
from storybrief.segment import segment

SPEECH = (
    "The mayor of Brenmoor spoke at the harbour on Monday. "
    '"We will rebuild every house that the storm took from us," Mayor Lu Kim said.'
)


def analyzed(articles: list[Article], copies: tuple[CopyLink, ...] = ()) -> Analysis:
    return analyze(segment(articles, copies), ner="rules")


def test_outlets_quoting_one_speech_count_apart() -> None:
    other = (
        "Crowds gathered in Brenmoor as the mayor addressed residents. "
        '"We will rebuild every house that the storm took from us," Kim told them.'
    )
    (q,) = analyzed([Article("a", SPEECH), Article("b", other)]).quotes
    assert q.speaker == "Lu Kim" and q.support == 2


def test_a_copy_counts_once() -> None:
    copy = CopyLink("b", "a", "copy", 0.95, 0.97)
    (q,) = analyzed([Article("a", SPEECH), Article("b", SPEECH)], (copy,)).quotes
    assert q.support == 1 and {c.article for c in q.citations} == {"a", "b"}


def test_a_reprinted_passage_counts_once() -> None:
    # The second article reprints the first's paragraph (dedup links them as sharing a
    # passage): the words around the quote are the same.
    a = (
        "Storm damage. "
        '"We will rebuild every house that the storm took from us," Mayor Lu Kim told '
        "reporters at the harbour on Monday evening."
    )
    b = (
        "Other news from the coast. "
        '"We will rebuild every house that the storm took from us," Mayor Lu Kim told '
        "reporters at the harbour on Monday evening."
    )
    partial = CopyLink("b", "a", "partial", 0.4, 0.5)
    (q,) = analyzed([Article("a", a), Article("b", b)], (partial,)).quotes
    assert q.support == 1


def test_a_written_statement_printed_twice_is_one_origin() -> None:
    a = 'In a statement, the council said: "Every family will be housed before the winter."'
    b = 'The council wrote in a post: "Every family will be housed before the winter."'
    (q,) = analyzed([Article("a", a), Article("b", b)]).quotes
    assert q.support == 1


def test_an_unnamed_source_described_by_place_or_party_is_no_place() -> None:
    text = (
        '"Up in North Carrow the only open question is who finishes a distant runner-up," '
        "said a North Carrow Republican.\n\n"
        '"Farmers warm to the man, even the ones who would never tick his box," added a '
        "Varga campaign official."
    )
    speakers = [q.speaker for q in analyzed([Article("x", text)]).quotes]
    assert speakers == ["a North Carrow Republican", "a Varga campaign official"]


def test_mixed_quotation_marks_close_the_quote() -> None:
    text = (
        '"There are two people in this race with the money to do that,” said Rick Wilson, '
        "a Republican strategist.\n\n"
        "“It is an unusual thing to do in a campaign,“ said Larry Noble, an attorney."
    )
    speakers = [q.speaker for q in analyzed([Article("x", text)]).quotes]
    assert speakers == ["Rick Wilson", "Larry Noble"]


def test_attribution_cut_off_after_an_exclamation_inside_the_quote() -> None:
    text = (
        "Harbour board official Anselm Drury praised the night rescue crews.\n\n"
        '"Nell Corrigan is the bravest pilot on the whole coast!!!" Drury wrote in a March 3, '
        "2019 note to senior harbour board staff in Brenmoor."
    )
    (q,) = analyzed([Article("x", text)]).quotes
    assert q.speaker == "Anselm Drury"


def test_speaker_after_a_sentence_that_runs_on_past_the_quote() -> None:
    text = (
        '"He is saying a lot of the right things to teachers" about fixing inequality, said '
        "Marla Kilfoyle, executive director of the group.\n\n"
        "Priebus later Thursday told Fox News: “Both of them are meeting next week to talk.”\n\n"
        "“Would it be negotiable about the eleven million?” Hannity pressed."
    )
    speakers = [q.speaker for q in analyzed([Article("x", text)]).quotes]
    assert speakers == ["Marla Kilfoyle", "Priebus", "Hannity"]


def test_a_city_and_state_before_the_name() -> None:
    text = (
        "Carrow, Neb., Mayor Ilse Brandt-Navarro, whose town flooded in 2016, said rebuilding "
        'is slow work.\n\n"Nobody mends a flood on this scale in one short season," she said.'
    )
    (q,) = analyzed([Article("x", text)]).quotes
    assert q.speaker == "Ilse Brandt-Navarro"


def test_she_is_the_one_last_named_when_the_article_misleads_the_gender_guess() -> None:
    # Sentences naming only the mother speak of her son as "he": no woman is known, so
    # "she" is the one last named.
    text = (
        "Monica Conyers said her son was found on Sunday. Conyers said he was tired.\n\n"
        '"He is limping and I do not know what happened to him," she said.'
    )
    (q,) = analyzed([Article("x", text)]).quotes
    assert q.speaker == "Monica Conyers"


def test_speaker_from_the_sentence_before_or_an_as_clause() -> None:
    text = (
        "Petra Vold, the accused man's lawyer, insists that her client meant no harm. "
        '"The prosecution claims that his posters were stirring up a riot."\n\n'
        'As Ruben Ostrow, the No. 2 in the council majority, put it: "This nominee will '
        'never get through this chamber."'
    )
    speakers = [q.speaker for q in analyzed([Article("x", text)]).quotes]
    assert speakers == ["Petra Vold", "Ruben Ostrow"]


def test_quote_box_signed_in_the_next_paragraph_and_a_name_ending_in_ed() -> None:
    text = (
        '"I walked into the bank a year before the collapse and warned them of it."\n\n'
        "- Marta Quell.\n\n"
        "Ted Halvorsen, when asked where the plan fell short, responded that the developer "
        "“sees the trouble clearly, but every one of his fixes will fail.”"
    )
    speakers = [q.speaker for q in analyzed([Article("x", text)]).quotes]
    assert speakers == ["Marta Quell", "Ted Halvorsen"]


def test_an_inverted_attribution_after_a_question_names_the_speaker() -> None:
    # The quote ends its sentence with "?", so the splitter cuts the attribution off; a
    # sentence opening with a lower-case "said" is still that quote's attribution.
    text = (
        "Ferry fares rose again this spring across the whole of the northern islands.\n\n"
        '"Who can still afford a ticket to the mainland now?" said Orla Breck, a harbour '
        "pilot and union organiser who has fought the rise for months at every meeting."
    )
    (q,) = analyzed([Article("a", text)]).quotes
    assert q.speaker == "Orla Breck"


def test_a_party_and_state_after_the_name_keeps_the_attribution() -> None:
    # "R-Ore." is no sentence end: the speaker after the quote is still read.
    text = (
        "The committee met on Tuesday to debate the new water bill for the western states.\n\n"
        '"We cannot let the rivers run dry while we argue about the maps," Sen. Alma '
        "Quist, R-Ore., said."
    )
    (q,) = analyzed([Article("a", text)]).quotes
    assert q.speaker == "Alma Quist"


def test_less_common_speech_verbs_attribute_a_quote() -> None:
    text = (
        "The old mill closed in the winter of 1998 after ninety years of work.\n\n"
        '"Half the town walked out of those gates on the very last day," remembered Ida '
        "Vance, who ran the canteen there.\n\n"
        '"The river will bring the jobs back one day, I am sure of it," Tom Hale assured '
        "the crowd."
    )
    speakers = {q.text[:8]: q.speaker for q in analyzed([Article("a", text)]).quotes}
    assert speakers == {"Half the": "Ida Vance", "The rive": "Tom Hale"}


def test_an_organisation_inside_the_speakers_description_is_not_the_speaker() -> None:
    # The appositive's closing comma is missing: the party before "said" is governed by
    # "for", and "chief of the Harbour Board" is a role; the one named first speaks.
    text = (
        "The count in the harbour towns was slow again on Monday night.\n\n"
        "Pia Lund, the spokeswoman for the Coastal Green Party said on Tuesday: "
        '"Every single ballot in the harbour towns will be counted by hand."\n\n'
        "Ivo Marsh, founder and chief of the Harbour Board stated, "
        '"The ferries will run on time for every voter who needs them."'
    )
    speakers = {q.text[:5]: q.speaker for q in analyzed([Article("a", text)]).quotes}
    assert speakers == {"Every": "Pia Lund", "The f": "Ivo Marsh"}


def test_a_spokeswoman_for_the_organisation_speaks_for_it() -> None:
    text = (
        "The Harbour Board met on Monday to discuss the ferry timetable for the winter.\n\n"
        "A spokeswoman for the Harbour Board emailed reporters a copy of the timetable, "
        'adding: "Every ferry will run on time for the whole of the winter season."'
    )
    (q,) = analyzed([Article("a", text)]).quotes
    assert q.speaker is not None and "Harbour Board" in q.speaker


def test_a_sentence_after_a_quote_closed_by_a_full_stop_is_not_its_attribution() -> None:
    text = (
        "Both rivals criticised the handling of the affair on Tuesday evening.\n\n"
        '"It is a very sad day for the harbour," Mayor Rhea Tamm told reporters. "This '
        'is what a culture of insults brings to a town like ours." Councillor Ben Osei '
        "said he would have dismissed the manager long before, according to local reports."
    )
    quotes = analyzed([Article("a", text)]).quotes
    assert {q.speaker for q in quotes} == {"Rhea Tamm"}


def test_the_speaker_after_the_tail_of_a_quotes_sentence() -> None:
    # The sentence runs on after the quote; the attribution closes it, after a comma.
    text = (
        "The mill reopened this spring after ten years of silence on the river.\n\n"
        'Ada Moor "always wanted the mill to work again for the town" and its people, '
        "Ivo Tamm said.\n\n"
        '"It will be very hard to find the workers for it" that the town needs, said Una '
        "Reyes, who runs the job centre."
    )
    speakers = {q.text[:5]: q.speaker for q in analyzed([Article("a", text)]).quotes}
    assert speakers == {"alway": "Ivo Tamm", "It wi": "Una Reyes"}


def test_a_short_quote_in_the_attribution_does_not_end_it() -> None:
    text = (
        "The festival returns to the harbour this summer after a long break.\n\n"
        '"It will bring the whole town out again," and the "summer spirit" back to the '
        "old streets, said Ula Brandt, who runs the festival."
    )
    (q,) = analyzed([Article("a", text)]).quotes
    assert q.speaker == "Ula Brandt"


def test_names_ending_like_adverbs_or_participles_still_speak() -> None:
    # "Donnelly" ends in -ly and "Fleming" in -ing: before a speech verb they are names,
    # not an adverb or an intro phrase ("Finally, …", "Speaking to reporters, …").
    text = (
        "Rosa Donnelly and Ian Fleming run the two ferry firms of the harbour.\n\n"
        'Donnelly responded, with a smile: "We will run the ferries every day of the year."\n\n'
        'Fleming said the old boats would stay, but added: "Nobody in this town will need '
        'a car any more."'
    )
    speakers = {q.text[:5]: q.speaker for q in analyzed([Article("a", text)]).quotes}
    assert speakers == {"We wi": "Rosa Donnelly", "Nobod": "Ian Fleming"}


def test_a_participle_speech_verb_takes_the_clauses_subject() -> None:
    text = (
        "The ferry strike entered its second week on Monday.\n\n"
        "Here in the harbour, Mayor Rhea Tamm stepped up her pressure on the owners, "
        'saying, "Every family in this town needs the boats to run again by the weekend."'
    )
    (q,) = analyzed([Article("a", text)]).quotes
    assert q.speaker == "Rhea Tamm"


def test_the_subject_of_the_sentence_before_goes_on_to_speak() -> None:
    text = (
        "Mayor Rhea Tamm opened the new ferry pier on Monday morning.\n\n"
        "Tamm praised the builders for finishing the pier a month early. "
        '"Every family on the islands will be an hour closer to the mainland now."'
    )
    (q,) = analyzed([Article("a", text)]).quotes
    assert q.speaker == "Rhea Tamm"


def test_a_speaker_described_only_by_party_is_someone_unnamed() -> None:
    text = (
        "Senator Ada Moor has led the campaign against the ferry tax all year.\n\n"
        '"The party has been far too slow to take a side on the tax," one senior '
        "Republican said."
    )
    (q,) = analyzed([Article("a", text)]).quotes
    assert q.speaker == "one senior Republican"


def test_a_two_word_speech_verb_attributes_a_quote() -> None:
    text = (
        "Rhea Tamm and Ivo Marsh argued over the ferry tax at the council on Monday.\n\n"
        '"The tax will empty the islands within ten years," Tamm said.\n\n'
        '"Nobody has ever left the islands because of a ferry fare," Marsh shot back.\n\n'
        "The council goes on recess next week, and Marsh said that after it "
        '"every ferry will run on time."'
    )
    speakers = {q.text[:5]: q.speaker for q in analyzed([Article("a", text)]).quotes}
    assert speakers == {"The t": "Rhea Tamm", "Nobod": "Ivo Marsh", "every": "Ivo Marsh"}


def test_a_surname_that_is_also_a_role_word() -> None:
    text = (
        "The harbour board met on Monday to discuss the winter timetable.\n\n"
        '"Every ferry will keep running through the storms this winter," Nora Bishop, '
        "the board's operations manager, said."
    )
    (q,) = analyzed([Article("a", text)]).quotes
    assert q.speaker == "Nora Bishop"


def test_a_surname_that_is_a_common_word_still_speaks() -> None:
    text = (
        "The historian Ada From has written three books on the harbour strikes.\n\n"
        '"The strikes of 1912 changed the whole town for a century," From said.'
    )
    (q,) = analyzed([Article("a", text)]).quotes
    assert q.speaker == "Ada From"


def test_an_attribution_opening_with_as() -> None:
    text = (
        "The ferry race between the two harbours is close this year.\n\n"
        'The contest "is too close to call this week and nobody can say who takes it," as '
        "Rhea Tamm said on the radio on Monday."
    )
    (q,) = analyzed([Article("a", text)]).quotes
    assert q.speaker == "Rhea Tamm"


def test_according_to_that_names_no_one_leaves_the_speaker_to_the_verb() -> None:
    text = (
        "The count in the harbour towns went on through the night.\n\n"
        "Ivo Marsh, a member of the party's board, said on Tuesday that according to its "
        'own analysis the party had won most of the towns, but "we are still counting the '
        'last seats."'
    )
    (q,) = analyzed([Article("a", text)]).quotes
    assert q.speaker == "Ivo Marsh"


def test_a_described_speaker_after_a_question() -> None:
    text = (
        "The club handed out the misspelled shirts at the gate anyway.\n\n"
        '"Is there something wrong with the shirt at all?" fan Ida Vance asked, according '
        "to the local radio station. "
        '"I did not notice a thing until somebody told me."'
    )
    speakers = {q.speaker for q in analyzed([Article("a", text)]).quotes}
    assert speakers == {"Ida Vance"}


def test_as_a_described_speaker_puts_it() -> None:
    text = (
        "The harbour board has not decided on the ferry fares for next year.\n\n"
        'But as harbour pilot Orla Breck puts it, "nobody in this town can pay twice the '
        'fare for the same old boat."\n\n'
        'As The Gazette\'s Ivo Marsh put it, "the board has run out of every excuse it had."'
    )
    speakers = {q.text[:5]: q.speaker for q in analyzed([Article("a", text)]).quotes}
    assert speakers == {"nobod": "Orla Breck", "the b": "Ivo Marsh"}


def test_a_name_and_its_appositive_after_a_question() -> None:
    text = (
        "Volunteers called voters across the city all through the evening.\n\n"
        '"Are you coming out to vote for us on Saturday?" Eva Lund, a retired nurse from '
        "the north side of the city, said into the phone."
    )
    (q,) = analyzed([Article("a", text)]).quotes
    assert q.speaker == "Eva Lund"


def test_a_pronoun_after_the_quote_means_the_subject_who_spoke_before_it() -> None:
    # "he" is the spokesman whose speech verb opens the sentence, not the candidate named
    # last before the quote.
    text = (
        "Senator Ivo Marsh spoke at the harbour on Monday about the ferry tax.\n\n"
        "Marsh spokesman Tom Hale said that the campaign will show voters that Marsh has "
        '"the guiding principles to lead the islands through a hard winter," he said.'
    )
    (q,) = analyzed([Article("a", text)]).quotes
    assert q.speaker == "Tom Hale"


def test_verbs_of_praise_and_attack_attribute_a_quote() -> None:
    text = (
        "The debate between the two harbour candidates turned sharp on Monday night.\n\n"
        '"You have called every fisherman in this town a liar," Rhea Tamm charged.\n\n'
        '"That is the finest harbour on the whole of the coast," Ivo Marsh gushed.'
    )
    speakers = {q.text[:5]: q.speaker for q in analyzed([Article("a", text)]).quotes}
    assert speakers == {"You h": "Rhea Tamm", "That ": "Ivo Marsh"}


def test_a_sentence_ending_in_says_and_a_name_gives_the_next_pronoun() -> None:
    # "she" is the woman the sentence before ends by naming ("…, says Orla Breck"), not the
    # company its earlier sentence had for its subject.
    text = (
        "Last year, Harbourline, the ferry operator, raised the fares twice.\n\n"
        "The islands pay more for a crossing than anywhere else on the coast, says Orla "
        "Breck, a researcher at the Island Fares Council.\n\n"
        '"Nobody in this town can pay twice the fare for the same old boat," she says.'
    )
    (q,) = analyzed([Article("a", text)]).quotes
    assert q.speaker == "Orla Breck"


def test_a_common_first_name_outweighs_a_stray_pronoun() -> None:
    # The only pronoun in a sentence naming Nicolas Marsh alone is someone else's "she":
    # his first name still makes him the "he" who speaks, not the harbour master.
    text = (
        "Port chief Tom Hale closed the port on Sunday.\n\n"
        "Mayor Nicolas Marsh has retracted a previous claim that she had reached the town "
        "unharmed.\n\n"
        '"Nobody can yet vouch that the reporter got to the town unharmed," he told '
        "journalists."
    )
    (q,) = analyzed([Article("a", text)]).quotes
    assert q.speaker == "Nicolas Marsh"


def test_retaliated_attributes_a_quote() -> None:
    text = (
        "Senator Ivo Marsh spoke at the harbour on Monday about the ferry tax.\n\n"
        '"The ferry tax is the worst idea this town has had," Marsh said. "The harbour will '
        'always be ours," an angry Rhea Tamm retaliated.'
    )
    speakers = {q.text[:5]: q.speaker for q in analyzed([Article("a", text)]).quotes}
    assert speakers == {"The f": "Ivo Marsh", "The h": "Rhea Tamm"}


def test_a_possessive_subject_makes_its_owner_the_next_pronoun() -> None:
    # "he" is Marsh, whose plan the sentence before has for its subject, not "Harbour Plan".
    text = (
        "Economist Ivo Marsh has written a new book about the harbour.\n\n"
        "Marsh's Harbour Plan would close the old ferry route by next spring.\n\n"
        '"Nobody in this town needs a second ferry to the same island," he writes.'
    )
    (q,) = analyzed([Article("a", text)]).quotes
    assert q.speaker == "Ivo Marsh"
