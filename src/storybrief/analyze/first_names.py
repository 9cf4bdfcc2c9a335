"""Common first names whose bearers are nearly always men or nearly always women: the
gender ``genders`` gives a person the article's pronouns leave open or get wrong. Names
given to both, or a family name written first ("Kim Jong-un", "Jean", "Lee"), are left out."""

from __future__ import annotations

from storybrief.analyze.lexicon import word_set

MALE = word_set(
    """
    aaron abdul abraham adam adrian ahmed al alan albert alec alejandro alex alexander alexei
    alfred ali alistair allen alvin andre andrew andrei andres andy angelo anthony antonio
    arnold arthur barack barry ben benjamin bernard bernie bill billy bob bobby boris
    brad bradley brandon brendan brent brett brian bruce bryan carl carlos chad charles charlie
    chris christian christopher chuck clarence claude clint colin craig curtis dale dan daniel
    danny darren dave david dean dennis derek devin dick dmitry don donald doug douglas duncan
    dustin dwight earl ed eddie edward elijah emmanuel eric erik ernest eugene evan felix
    fernando francisco francois frank franklin fred frederick gabriel gary gavin gene geoff
    geoffrey george gerald gilbert glenn gordon graham greg gregory guillermo gus guy hank
    harold harry hassan henry herbert howard hugh hugo ian isaac ivan jack jacob jake james
    jared jason javier jay jean-claude jeb jeff jeffrey jeremy jerome jerry jesse jim jimmy joe
    joel john johnny jon jonathan jorge jose joseph josh joshua juan julian justin karl keith
    ken kenneth kevin kurt kyle lance larry lawrence leon leonard lewis liam lloyd
    louis luis luke marc marco marcus mario mark martin marvin matt matthew maurice max michael
    miguel mike mitch mitt mohammed muhammad nathan neil nicholas nick nicolas nigel noah
    norman oliver omar oscar patrick paul pedro pete peter phil philip pierre rafael ralph
    ramon randy raul ray raymond reuven ricardo richard rick ricky rob robert roberto rod
    rodney roger roland ron ronald ross roy rudy russell ryan sam samuel scott sean sergei
    seth shane sheldon simon stan stanley stefan stephen steve steven stuart ted terry
    theodore thomas tim timothy todd tom tommy tony travis trevor troy tyler victor vincent
    vladimir walter wayne wesley william willie xavier yitzhak yusuf zach zachary
    """
)

FEMALE = word_set(
    """
    abigail ada adele adriana agnes aisha alexandra alice alicia alison allison amanda
    amber amelia amy ana angela angelina anita ann anna anne annie audrey barbara
    beatrice becky belinda beth betsy betty beverly bonnie brenda bridget brittany caitlin
    camille carla carmen carol caroline carolyn catherine cathy cecilia charlotte chelsea
    cheryl chloe christina christine cindy claire clara claudia colleen connie cynthia daisy
     danielle darlene deborah debbie debra denise diana diane dolores donna doris dorothy
    edith eileen elaine eleanor elena elisabeth elizabeth ella ellen emily emma erica erin
    esther eva evelyn faith fiona florence frances gabrielle gail georgia gina giselle gloria
    grace gwen hannah harriet hazel heather heidi helen hillary holly ingrid irene iris isabel
    isabella jacqueline jane janet janice jasmine jeanne jennifer jenny jessica
    jill joan joanna jocelyn josephine joy joyce judith judy julia julie karen kate
    katherine kathleen kathryn kathy katie kimberly kira kirsten kristen laura
    lauren leah lena lily linda lisa liz lois lori lorraine louise lucy lydia madeleine
    madison maggie mandy marcia margaret maria marian marie marilyn marjorie martha
    mary maureen megan melania melanie melinda melissa meredith mia michele michelle mildred
    miranda molly monica nadia nancy naomi natalie natasha nicole nina nora olga olivia paige
    pamela patricia paula pauline peggy penny phyllis priscilla rachel rebecca regina renee
    rhonda rita roberta rosa rose rosemary ruth sally samantha sandra sara sarah sharon
    sheila shirley silvia sofia sonia sophia sophie stacy stephanie susan suzanne sylvia
    tamara tammy tanya teresa theresa tiffany tina tracey tracy valerie vanessa vera veronica
    victoria virginia vivian wendy whitney yolanda yvonne zoe
    """
)


def first_name_gender(person: str) -> str | None:
    """'m' or 'f' for a full name whose first word is a common first name ("Nicolas
    Sarkozy"), else None (a surname alone, an unknown or shared first name)."""
    parts = person.split()
    if len(parts) < 2:
        return None
    first = parts[0].lower()
    return "m" if first in MALE else "f" if first in FEMALE else None
