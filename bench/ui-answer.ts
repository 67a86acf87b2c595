/** A long markdown answer with every kind of block the renderer handles: what the UI bench streams. */
export function markdownAnswer(minChars: number): string {
  const sections: string[] = [];
  let length = 0;
  for (let i = 0; length < minChars; i++) {
    const section = [
      `## Part ${i}`,
      '',
      `This part explains step ${i} with **bold**, *emphasis*, \`inline code\` and a link to https://example.com/${i}. The formula $e^{i\\pi} + 1 = 0$ still holds.`,
      '',
      '| Name | Value | Notes |',
      '|------|------:|-------|',
      `| alpha | ${i} | first |`,
      `| beta | ${i * 2} | second |`,
      '',
      '```ts',
      `export function step${i}(input: number[]): number {`,
      '  // Sum the squares of the input.',
      '  return input.reduce((sum, x) => sum + x * x, 0);',
      '}',
      '```',
      '',
      '$$',
      `\\sum_{k=0}^{${i}} k^2 = \\frac{n(n+1)(2n+1)}{6}`,
      '$$',
      '',
      `- item one of ${i}`,
      `- item two of ${i}`,
      '',
      '',
    ].join('\n');
    sections.push(section);
    length += section.length;
  }
  return sections.join('');
}
