import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../src/lib/password-policy.ts';

const person = { email: 'kim.kontrolle@mwide.nrw.de', name: 'Kim Kontrolle' };

describe('the password check refuses what attackers try first', () => {
  it.each([
    ['passwort12345', /häufiges Wort mit angehängten Ziffern/],
    ['Passwort123!!', /häufiges Wort mit angehängten Ziffern/],
    ['P@ssw0rt2026!', /häufiges Wort mit angehängten Ziffern/],
    ['hallo1234567', /Tastenreihen/],
    ['qwertzuiop12', /Tastenreihen/],
    ['asdfghjklöä1', /Tastenreihen/],
    ['yxcvbnm,.-12', /Tastenreihen/],
    ['1qay2wsx3edc', /Tastenreihen/],
    ['0987654321ß!', /Tastenreihen/],
    ['abcdefghijkl', /Tastenreihen/],
    ['Sommer2026!!', /häufiges Wort mit angehängten Ziffern/],
    ['Winter2025!!!', /häufiges Wort mit angehängten Ziffern/],
    ['2026Januar!!!', /häufiges Wort mit angehängten Ziffern/],
    ['Dezember-2025', /häufiges Wort mit angehängten Ziffern/],
    ['Fruehling.2027', /häufiges Wort mit angehängten Ziffern/],
    ['Zielmonitor2026', /häufiges Wort mit angehängten Ziffern/],
    ['Kim-Kontrolle-1', /E-Mail-Adresse oder der Name/],
    ['kim.kontrolle@mwide.nrw.de', /E-Mail-Adresse oder der Name/],
    ['iloveyou1234', /häufiges Wort mit angehängten Ziffern/],
    ['schalke04', /mindestens/],
    ['ficken123456', /Tastenreihen|häufiges Wort/],
    ['aaaaaaaaaaaa', /Liste|fast nur aus einem Zeichen/],
    ['kurz-123', /mindestens 12 Zeichen/],
  ])('refuses %j', (password, problem) => {
    expect(passwordProblem(password, person)).toMatch(problem);
  });

  it.each([
    'Glasfaser-fuer-alle-Schulen',
    'korrekt-pferd-batterie',
    'lange sichere Phrase',
    'Zeitreise-durch-die-Ziele',
    'Baum Haus Apfel Kanal',
    'Sommer-im-Ahrtal-2021',
    'Xq7#vL2!pR9@',
  ])('accepts %j', (password) => {
    expect(passwordProblem(password, person)).toBeNull();
  });
});
