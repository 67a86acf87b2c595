/**
 * Reasoning and creative requests, told from the words of a Latin-script prompt.
 * Both rules are narrow on purpose: a miss costs nothing (the prompt goes to the
 * general route, as before), while a false hit sends an everyday question to a
 * slower reasoning model or a creative one. So a rule needs an unmistakable
 * sign, such as an equation, "prove", a logic puzzle or "write a poem", and says
 * which one it saw.
 */

export interface IntentVerdict {
  taskType: 'reasoning' | 'creative';
  /** What was seen, for the decision trace: "auto → reasoning: an equation". */
  sign: string;
}

interface Rule {
  sign: string;
  pattern: RegExp;
}

const REASONING: Rule[] = [
  // x^2 - 5x + 6 = 0, 3y = 12, f(x) = x^3: a variable beside a number and an equals sign or a power.
  { sign: 'an equation', pattern: /(?:\b\d*[a-z]\s*\^\s*\d|\b\d+[a-z]\b[^=\n]*=|=\s*-?\d*[a-z]\b(?!\w))/i },
  // "Prove that", not "proof of address"; "derivative", not "integrate Stripe" or "differentiate my brand".
  { sign: 'a proof', pattern: /\b(?:prove that|proof that|theorem|lemma|by induction)\b/i },
  { sign: 'calculus', pattern: /\b(?:derivative of|integral of|limit as [a-z] (?:approaches|tends|goes))\b/i },
  { sign: 'probability', pattern: /\b(?:probability|expected value|odds that)\b/i },
  { sign: 'a logic puzzle', pattern: /\b(?:knights? and knaves?|knaves?|syllogism|does it follow|logic puzzle|riddle)\b/i },
  { sign: 'a constraint puzzle', pattern: /\b(?:every|all (?:the )?possible) (?:seating|arrangement|ordering|combination)s?\b/i },
  // Not "step by step", which recipes and how-tos ask for as often as proofs do.
  { sign: 'a request to show the working', pattern: /\bshow (?:your|the) (?:work|working)\b/i },
];

/** An imperative to make something, and the kind of thing: the two together, not either alone. */
const MAKE = /^(?:please\s+)?(?:can you\s+|could you\s+)?(?:write|compose|draft|invent|make up|come up with|give me|suggest|brainstorm)\b/i;
const CREATIVE_THING =
  /\b(?:poem|poems|haiku|haikus|sonnet|limerick|lyrics|song|verse|story|stories|tale|fable|fiction|screenplay|dialogue between|opening (?:line|paragraph|scene)|slogans?|taglines?|names for|jokes?|puns?)\b/i;

export function detectIntent(text: string): IntentVerdict | undefined {
  const prompt = text.trim();
  for (const rule of REASONING) if (rule.pattern.test(prompt)) return { taskType: 'reasoning', sign: rule.sign };
  if (MAKE.test(prompt)) {
    const thing = CREATIVE_THING.exec(prompt);
    if (thing) return { taskType: 'creative', sign: `asks for ${article(thing[0].toLowerCase())}` };
  }
  return undefined;
}

function article(noun: string): string {
  if (noun === 'names for') return 'names';
  if (/s$/.test(noun)) return noun;
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
