/**
 * One small case per attribution rule written against PolNeAR train (issue 9): each is a rule of
 * English news style, kept only when it also helped PolNeAR dev and did not hurt BASIL or the seeds.
 */
import * as assert from 'node:assert/strict';
import { speakersOf as speakers } from './helpers';


describe('attribution rules from PolNeAR', () => {
  it('reads a reporting verb that opens the sentence, subject after it', () => {
    assert.deepEqual(speakers('Ryan Ellis spoke to us. Said Ellis: “I don’t get the sense she is interested.”'), ['Ryan Ellis']);
    assert.deepEqual(speakers('Roger Stone spoke to us.\n\nContinued Stone:\n\n“So I think it is a very real problem.”'), ['Roger Stone']);
  });

  it('knows more verbs of saying (answers, echoed, points out, shot back)', () => {
    assert.deepEqual(speakers('“I can point to only two accomplishments,” Bozell answers.'), ['Bozell']);
    assert.deepEqual(speakers('“He speaks his mind, and that is needed,” Jared Potts echoed.'), ['Jared Potts']);
    assert.deepEqual(speakers('“There were some of us who thought so,” Bozell points out.'), ['Bozell']);
  });

  it('peels “of Ohio” after a name only, not “footage of Hillary Clinton”', () => {
    assert.deepEqual(speakers('The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead?”'), ['Hillary Clinton']);
    assert.deepEqual(speakers('Speaker John Boehner of Ohio said it was “a very bad deal for us”.'), ['John Boehner']);
  });

  it('takes no attribution from the next sentence when it opens with a conjunction', () => {
    assert.deepEqual(speakers('But Sen. Pat Toomey refused, responding that he’s “not going to go into it.” And Sen. Rob Portman (R-Ohio), another vulnerable incumbent, said he hadn’t thought about it.'), ['Pat Toomey']);
  });

  it('reads “of” inside a lower-case title after the verb: “said former secretary of state Hillary Clinton”', () => {
    assert.deepEqual(speakers('“The first line of defense is here,” said former secretary of state Hillary Clinton, who praised him.'), ['Hillary Clinton']);
    assert.deepEqual(speakers('“Thanks, Clarkston, for welcoming these refugees,” said master of ceremonies Asab Al-Tabchi, a Syrian engineer.'), ['Asab Al-Tabchi']);
    assert.deepEqual(speakers('“The first line of defense is here,” said Trump voter Mary Smith of Iowa.'), ['Mary Smith']);
  });

  it('tells the president from the vice president, and ends a headline name at its verb of saying', () => {
    const two = 'President Barack Obama and Vice President Joe Biden spoke in Ohio.\n\n“We will win this state in the fall,” the president said.\n\n“We have the votes to do it now,” the vice president said.';
    assert.deepEqual(speakers(two), ['Barack Obama', 'Joe Biden']);
    assert.deepEqual(speakers('Obama Says African-American Museum Will Tell a Story.\n\n“A museum alone will not alleviate poverty,” Mr. Obama said.'), ['Obama']);
  });

  it('reads a negated auxiliary after a name opening the sentence as its verb', () => {
    assert.deepEqual(speakers('Mayor Karen Weaver spoke later.\n\nWeaver didn’t seem impressed with the comments, telling reporters, “A lot of people said the governor should resign.”'), ['Karen Weaver']);
  });

  it('reads a reporting clause set off by commas inside the sentence, its subject after the verb', () => {
    assert.deepEqual(speakers('It was late.\n\nThe paradox of Nancy, says Carl Anthony, historian at the National First Ladies Library, is that she was “one of the most powerful first ladies in history.”'), ['Carl Anthony']);
    // Who was told is no speaker.
    assert.notEqual(speakers('It was late.\n\nThe paradox, he told Carl Anthony, a historian, is that she was “one of the most powerful first ladies in history.”')[0], 'Carl Anthony');
  });

  it('reads an appositive after the name whose closing comma is missing', () => {
    assert.deepEqual(speakers('It was late.\n\n“Clinton needs a strategy for this,” Nate Silver, the polling guru who founded fivethirtyeight.com tweeted on Wednesday.'), ['Nate Silver']);
    // A clause after a comma is no appositive: nobody is named as saying it.
    assert.deepEqual(speakers('It was late.\n\n“Clinton needs a strategy for this,” Meanwhile, the people in line said.'), [null]);
  });

  it('reads a no-break space as a space in names and titles', () => {
    assert.deepEqual(speakers('Ted Cruz spoke. “Anyone who refuses is wrong,” said Cruz constituent\u00a0Dan\u00a0Golvach.'), ['Dan Golvach']);
  });

  it('peels the institution after a name: “Sarah Binder of the Brookings Institution said”', () => {
    assert.deepEqual(speakers('Sarah Binder of the George Washington University said, “It is a stretch.”'), ['Sarah Binder']);
    assert.deepEqual(speakers('“It is a stretch,” Jeffrey Lewis of the James Martin Center for Nonproliferation Studies wrote in December.'), ['Jeffrey Lewis']);
    assert.deepEqual(speakers('“It is a stretch,” Sarah Binder of the Brookings Institution said.'), ['Sarah Binder']);
  });

  it('takes no speaker from a subordinate clause after the quote', () => {
    assert.deepEqual(speakers('The spot ends with footage of the debate last week, “That makes me smart,” when Clinton blasted him.'), [null]);
  });

  it('gives a quote to a named organisation that reports it, never to a pronoun after it', () => {
    assert.deepEqual(speakers('The New York Post reports that her team avoided the hospital to “keep the details of her treatment under wraps.”'), ['New York Post']);
    assert.deepEqual(speakers('“After the collapse of the market, his company was in debt,” the Times wrote.'), ['Times']);
    assert.deepEqual(speakers('The Justice Department said the case was “closed for good now”. “We will not appeal it,” he said.'), ['Justice Department', null]);
  });

  it('gives a quotation standing as its own sentence to the name reported in the sentence before', () => {
    assert.deepEqual(speakers('The administration may be reluctant to act, Schiff said. “The other factor is the election itself.”'), ['Schiff']);
    // Not to a person merely mentioned there, nor past a sentence with a quotation of its own.
    assert.deepEqual(speakers('The committee met Schiff on Monday. “The other factor is the election itself.”'), [null]);
  });

  it('ends no sentence at a title’s full stop', () => {
    assert.deepEqual(speakers('“The city will never go back to normal,” said the Rev. Peter Wherry, of Mayfield Church.'), ['Peter Wherry']);
  });

  it('takes the full name set off by commas after a description, not the possessor', () => {
    assert.deepEqual(speakers('Trump’s attorney, Alan Garten, said Nunberg was “looking for free publicity with false claims.”'), ['Alan Garten']);
    assert.deepEqual(speakers('In a statement, her senior policy adviser, Jake Sullivan, said: “Cooperation is essential to us all.”'), ['Jake Sullivan']);
  });

  it('gives the question to who asked it, not who was asked', () => {
    assert.deepEqual(speakers('Marco Rubio was asked by moderator Gerard Baker whether it would risk “adding another expensive entitlement program.”'), ['Gerard Baker']);
    assert.deepEqual(speakers('Marco Rubio was asked whether it would risk “adding another expensive entitlement program.”'), [null]);
  });

  it('reads a verb’s spelling after a possessive as a noun (Mr. Obama’s remarks)', () => {
    assert.deepEqual(speakers('Minyon Moore, a senior adviser, called Mr. Obama’s remarks on Saturday “a true wake-up call” to his voters.'), ['Minyon Moore']);
  });

  it('takes “as X put it” after a quote as its attribution, and X unnamed as nobody', () => {
    assert.deepEqual(speakers('Members of Congress echo her concerns: the rule is a “lawful source of investment income,” as a Homeland Security memo put it.'), [null]);
    assert.deepEqual(speakers('The rule is a “lawful source of investment income,” as Jeh Johnson put it.'), ['Jeh Johnson']);
  });

  it('knows singing as a way of saying (lyrics are the singer’s words)', () => {
    assert.deepEqual(speakers('“Promise mama you’ll keep your hands in sight,” Blige sings to Clinton.'), ['Blige']);
  });

  it('continues the last speaker only with a bare quotation paragraph, not a title inside a sentence', () => {
    const text = '“We will win this fight,” said Mary J. Blige.\n\n“American Skin (41 Shots)” was written by a rock singer.';
    assert.deepEqual(speakers(text), ['Mary J Blige', null]);
  });

  it('gives a verb after “and” or “despite …ing” the subject of the sentence', () => {
    assert.deepEqual(speakers('House Speaker Paul Ryan, R-Wis., despite admitting that he had concerns about “trial lawyers trying to get rich,” backed it.'), ['Paul Ryan']);
    assert.deepEqual(speakers('Jane Roe toured the plant on Monday and said it was “a model for the whole country.”'), ['Jane Roe']);
  });

  it('reads long appositives after a quote, closed by a comma or a dash, and a title after “said the …,”', () => {
    const nadler = '“I don’t really like that kind of language,” Representative Jerrold Nadler, Democrat of New York and the chairman of the House Judiciary Committee — where any impeachment inquiry must begin — said on CNN.';
    assert.deepEqual(speakers(nadler), ['Jerrold Nadler']);
    assert.deepEqual(speakers('“The message is clear,” Mr. Labrador, a former immigration lawyer elected in the wave of 2010, said in a statement.'), ['Labrador']);
    assert.deepEqual(speakers('“All options are on the table,” said the Democratic leader of the Senate, Justin Alfond.'), ['Justin Alfond']);
    assert.deepEqual(speakers('“It achieved a third as much savings,” Obama’s current campaign press secretary, Ben LaBolt, said in an email.'), ['Ben LaBolt']);
    // No clause passes for an appositive: "Dalton Brody is a store, …, according to" names no speaker.
    assert.deepEqual(speakers('Her reply was: “Is Dalton Brody off Conn or Wisconsin?” Dalton Brody is a Washington gifts store, which sells leather goods and crystal, according to its website.'), [null]);
  });

  it('peels “, of Peoria” after a name', () => {
    assert.deepEqual(speakers('Bishop Daniel Jenky, of Peoria, Ill., said the president was “following a similar path” as others.'), ['Daniel Jenky']);
  });

  it('finds the verb of a sentence’s subject past an appositive, a home state, a time or an irregular past', () => {
    assert.deepEqual(speakers('Reince Priebus, the chairman of the Republican National Committee, tried to deflect questions, saying that “this is the platform of the party.”'), ['Reince Priebus']);
    assert.deepEqual(speakers('Gowdy went on to call the arrangement “highly unusual, if not unprecedented.”'), ['Gowdy']);
    assert.deepEqual(speakers('President Trump on Saturday took aim at the tech giants, saying that “too many voices are being destroyed.”'), ['Trump']);
  });

  it('gives a participle after a quote (“…,” adding, “…”) the subject on the left', () => {
    assert.deepEqual(speakers('On Twitter, Mr. Strzok said he was “deeply saddened by this decision,” adding, “It has been an honor to serve my country.”'), ['Strzok', 'Strzok']);
  });

  it('takes a described name after an opening phrase (On Friday, the aide, Elizabeth Lauten, …)', () => {
    assert.deepEqual(speakers('On Friday, the aide, Elizabeth Lauten, 31, who has many followers, wrote an open letter, saying they should “try showing a little class.”'), ['Elizabeth Lauten']);
  });

  it('peels a phrase set off between a name and its verb (Clinton, during a town hall meeting in Columbus, said)', () => {
    assert.deepEqual(speakers('Clinton, during a town hall meeting in Columbus, Ohio, said she was “going to put a lot of coal companies out of business.”'), ['Clinton']);
  });

  it('reads retort, report, quip as nouns after a determiner or a possessive (Sanders’ comments)', () => {
    assert.deepEqual(speakers('Weaver was not impressed with Sanders’ comments Tuesday, telling reporters, “A lot of people said the governor should step down.”'), ['Weaver']);
    assert.deepEqual(speakers('Jeb Bush offered a Trump-style retort on Twitter, tweeting at him, “You are a liar and a whiner.”'), ['Jeb Bush']);
  });
});

// Written against train after the rules above; these leave dev's scored quotes as they were (dev's
// articles have no such subject), except the common-noun test, which took one wrong speaker away there.
describe('names behind titles, elided particles and sentence-initial common nouns', () => {
  it('takes the name after a long title before the verb (Republican National Committee chairman Reince Priebus said)', () => {
    assert.deepEqual(speakers('It was late.\n\n“The evidence is clear,” Republican National Committee chairman Reince Priebus said.'), ['Reince Priebus']);
    assert.deepEqual(speakers('It was late.\n\n“It is gaining traction,” Homeland Security Deputy Secretary Alejandro Mayorkas told reporters.'), ['Alejandro Mayorkas']);
    // A clause before the verb is still no subject.
    assert.deepEqual(speakers('It was late.\n\n“The evidence is clear,” the report that was released by Senate Majority Leader Harry Reid said.'), [null]);
  });

  it('takes the name after the titles when the verb comes first, not the employer that opens them', () => {
    assert.deepEqual(speakers('It was late.\n\n“No,” said Clinton spokesman Brian Fallon in a statement.'), ['Brian Fallon']);
    assert.deepEqual(speakers('It was late.\n\n“No,” said Ohio State University professor Paul Beck.'), ['Paul Beck']);
    assert.deepEqual(speakers('It was late.\n\n“No,” said former Sen. Evan Bayh, a moderate Indiana Democrat.'), ['Evan Bayh']);
    assert.deepEqual(speakers('It was late.\n\n“No,” said Trump voter Mary Smith of Iowa.'), ['Mary Smith']);
    assert.deepEqual(speakers('It was late.\n\n“No,” said one Democratic source on the panel.'), [null]);
  });

  it('takes a party tag after the titled name, and a surname before a “who …” or “a …” appositive', () => {
    assert.deepEqual(speakers('It was late.\n\n"It is time," Senate Minority Leader Harry M. Reid (D-Nev.) said in a statement.'), ['Harry M Reid']);
    assert.deepEqual(speakers('Elizabeth Warren spoke first.\n\n“It is time,” Warren, who has not endorsed a candidate, told reporters in Massachusetts.'), ['Elizabeth Warren']);
    // No appositive, no speaker: "Meanwhile," opens a clause.
    assert.deepEqual(speakers('It was late.\n\n“It is time,” Meanwhile, the people in the long line outside the hall, said.'), [null]);
  });

  it('knows reacted, exhorted, remembered and went on as verbs of saying', () => {
    assert.deepEqual(speakers('It was late.\n\n“It is sad,” reacted Donald Trump.'), ['Donald Trump']);
    assert.deepEqual(speakers('It was late.\n\n“Vote,” exhorted actress Jamie Lee Curtis.'), ['Jamie Lee Curtis']);
    assert.deepEqual(speakers('It was late.\n\n“It was hard,” remembered Roy Verley, a former spokesman.'), ['Roy Verley']);
    // "went on", as train has it ("“You know, it happens, right?” Trump went on"), also before a quote.
    assert.deepEqual(speakers('Megyn Kelly smiled.\n\n“You know, it happens, right?” Donald Trump went on, as if he did not hear her.'), ['Donald Trump']);
    assert.deepEqual(speakers('“You winning?” Ann said, but as Donald Trump went on about “how the system is rigged,” she cheered.'), ['Ann', 'Donald Trump']);
  });

  it('ends a name before a form of “be”: a headline in title case is no name', () => {
    const text = 'NY Post: Megyn Kelly Is No Different Than Kim Kardashian.\n\n“You’ve called women fat pigs,” Kelly charged.';
    assert.deepEqual(speakers(text), ['Megyn Kelly']);
  });

  it('knows O’Malley and D’Souza as names on their own', () => {
    assert.deepEqual(speakers('It was late.\n\n“We will win,” O’Malley said at a press conference.'), ['O’Malley']);
    assert.deepEqual(speakers("It was late.\n\n\"We will win,\" D'Souza said."), ["D'Souza"]);
  });

  it('gives no speaker the common noun that opens a sentence (Sources told …), but keeps a surname that is also a word', () => {
    const sources = 'Two sources spoke to us. Sources told POLITICO that she had replied.\n\n“I never saw it,” she said.';
    assert.notDeepEqual(speakers(sources), ['Sources']);
    assert.deepEqual(speakers('The banks were closed.\n\nTom Banks runs a shop.\n\n“It was shut,” Banks said.'), ['Tom Banks']);
    // Only ever at a sentence's start, and a word elsewhere: a reader cannot tell, so nobody.
    assert.deepEqual(speakers('The banks were closed.\n\nBanks said on Monday: “It was shut.”'), [null]);
  });

  it('gives no speaker the name that modifies a noun after an article (A Clinton aide said), but keeps a titled name', () => {
    assert.deepEqual(speakers('A Clinton aide said: “She will be there on Monday.”'), [null]);
    assert.deepEqual(speakers('The Trump campaign said: “We are winning everywhere.”'), [null]);
    assert.deepEqual(speakers('A Downing Street spokesperson said: “The prime minister has full confidence.”'), [null]);
    // A verb after the name: the name is the subject.
    assert.deepEqual(speakers('The Rev. Al Sharpton said: “We will march again.”'), ['Al Sharpton']);
    // Without an article the run is a title before a name, as before.
    assert.deepEqual(speakers('Trump campaign manager Corey Lewandowski said: “We are winning.”'), ['Corey Lewandowski']);
  });
});
