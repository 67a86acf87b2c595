/**
 * marked tokens to React elements. Nothing here produces HTML from model text:
 * raw HTML is shown as the text it is, links and images go through the safe
 * components, so no script, handler or `javascript:` URL can come to life.
 */
import { Fragment, type ReactNode } from 'react';
import type { Token, Tokens } from 'marked';
import { CodeBlock } from './CodeBlock.js';
import type { MathToken } from './math-extension.js';
import { MathView } from './MathView.js';
import { RemoteImage } from './RemoteImage.js';
import { SafeLink } from './SafeLink.js';
import { stripSeamMarks, textWithSeams } from './seams.js';

type Align = 'left' | 'right' | 'center' | null;

export function renderInline(tokens: Token[] | undefined): ReactNode[] {
  return (tokens ?? []).map((t, i) => inline(t, i));
}

function inline(t: Token, key: number): ReactNode {
  switch (t.type) {
    case 'text':
      return 'tokens' in t && t.tokens ? <span key={key}>{renderInline(t.tokens)}</span> : <span key={key}>{textWithSeams(t.text)}</span>;
    case 'escape':
      return t.text;
    case 'strong':
      return <strong key={key}>{renderInline((t as Tokens.Strong).tokens)}</strong>;
    case 'em':
      return <em key={key}>{renderInline((t as Tokens.Em).tokens)}</em>;
    case 'del':
      return <del key={key}>{renderInline((t as Tokens.Del).tokens)}</del>;
    case 'codespan':
      return <code key={key}>{stripSeamMarks(t.text)}</code>;
    case 'br':
      return <br key={key} />;
    case 'link':
      return (
        <SafeLink key={key} href={(t as Tokens.Link).href} title={(t as Tokens.Link).title}>
          {renderInline((t as Tokens.Link).tokens)}
        </SafeLink>
      );
    case 'image':
      return <RemoteImage key={key} src={(t as Tokens.Image).href} alt={(t as Tokens.Image).text} />;
    case 'math':
      return <MathView key={key} tex={(t as MathToken).tex} display={(t as MathToken).display} />;
    case 'checkbox':
      return <input key={key} type="checkbox" checked={(t as Tokens.Checkbox).checked} readOnly disabled />;
    case 'html':
      return (
        <span key={key} className="raw-html">
          {t.text}
        </span>
      );
    default:
      return 'text' in t && typeof t.text === 'string' ? t.text : t.raw;
  }
}

function cellAlign(align: Align): 'left' | 'right' | 'center' | undefined {
  return align ?? undefined;
}

function table(t: Tokens.Table): ReactNode {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            {t.header.map((cell, i) => (
              <th key={i} style={{ textAlign: cellAlign(t.align[i] ?? null) }}>
                {renderInline(cell.tokens)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {t.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => (
                <td key={i} style={{ textAlign: cellAlign(t.align[i] ?? null) }}>
                  {renderInline(cell.tokens)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function list(t: Tokens.List): ReactNode {
  const items = t.items.map((item, i) => (
    <li key={i} className={item.task ? 'task' : undefined}>
      {/* A tight list's items hold bare text; a loose list's hold paragraphs. */}
      {item.tokens.map((child, j) => ((child.type === 'text' && !item.loose) || child.type === 'checkbox' ? inline(child, j) : block(child, j)))}
    </li>
  ));
  if (t.ordered) {
    const start = typeof t.start === 'number' && t.start !== 1 ? t.start : undefined;
    return <ol start={start}>{items}</ol>;
  }
  return <ul>{items}</ul>;
}

export function block(t: Token, key?: number): ReactNode {
  switch (t.type) {
    case 'heading': {
      const depth = Math.min(6, Math.max(1, (t as Tokens.Heading).depth));
      const Tag = `h${depth}` as 'h1';
      return <Tag key={key}>{renderInline((t as Tokens.Heading).tokens)}</Tag>;
    }
    case 'paragraph':
      return <p key={key}>{renderInline((t as Tokens.Paragraph).tokens)}</p>;
    case 'text':
      return <p key={key}>{'tokens' in t && t.tokens ? renderInline(t.tokens) : t.text}</p>;
    case 'code':
      return <CodeBlock key={key} code={stripSeamMarks((t as Tokens.Code).text)} lang={((t as Tokens.Code).lang ?? '').split(/\s+/)[0] ?? ''} open={false} />;
    case 'blockquote':
      return <blockquote key={key}>{(t as Tokens.Blockquote).tokens.map((c, i) => block(c, i))}</blockquote>;
    case 'list':
      return <Fragment key={key}>{list(t as Tokens.List)}</Fragment>;
    case 'table':
      return <Fragment key={key}>{table(t as Tokens.Table)}</Fragment>;
    case 'hr':
      return <hr key={key} />;
    case 'math':
      return <MathView key={key} tex={(t as MathToken).tex} display />;
    case 'html':
      return (
        <p key={key} className="raw-html">
          {t.text}
        </p>
      );
    case 'space':
    case 'def':
      return null;
    default:
      return <p key={key}>{t.raw}</p>;
  }
}
