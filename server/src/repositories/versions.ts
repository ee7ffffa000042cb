import type { CountingQuestion, StrategyVersion } from '@zielmonitor/shared/schemas/version';
import type { SourceRef } from '@zielmonitor/shared/schemas/common';
import type { Db } from '../db/database.ts';

type VersionRow = {
  key: string;
  title: string;
  presented_on: string;
  declared_goal_count: number;
  documented_goal_count: number;
};

type QuestionRow = {
  id: string;
  question: string;
  wording: string | null;
  status: CountingQuestion['status'];
  goal_ids: string | null;
};

export function createVersionsRepository(db: Db) {
  const select = `SELECT v.key, v.title, v.presented_on, v.declared_goal_count,
      (SELECT count(*) FROM goals g WHERE g.version_key = v.key) AS documented_goal_count
    FROM strategy_versions v`;
  const list = db.prepare<[], VersionRow>(`${select} ORDER BY v.presented_on`);
  const get = db.prepare<[string], VersionRow>(`${select} WHERE v.key = ?`);
  const questions = db.prepare<[string], QuestionRow>(`SELECT q.id, q.question, q.wording, q.status,
      (SELECT group_concat(goal_id, ',') FROM
        (SELECT goal_id FROM counting_question_goals WHERE question_id = q.id ORDER BY goal_id)) AS goal_ids
    FROM counting_questions q WHERE q.version_key = ? ORDER BY q.id`);
  const questionSources = db.prepare<[string], SourceRef>(`SELECT s.id, s.title, s.url, s.date, s.publisher
    FROM counting_question_sources qs JOIN sources s ON s.id = qs.source_id WHERE qs.question_id = ? ORDER BY s.id`);

  const toVersion = (row: VersionRow): StrategyVersion => ({
    key: row.key,
    title: row.title,
    presentedOn: row.presented_on,
    declaredGoalCount: row.declared_goal_count,
    documentedGoalCount: row.documented_goal_count,
    countingQuestions: questions.all(row.key).map((q) => ({
      id: q.id,
      goalIds: q.goal_ids ? q.goal_ids.split(',') : [],
      question: q.question,
      wording: q.wording,
      status: q.status,
      sources: questionSources.all(q.id),
    })),
  });

  return {
    list: (): StrategyVersion[] => list.all().map(toVersion),
    get: (key: string): StrategyVersion | undefined => {
      const row = get.get(key);
      return row && toVersion(row);
    },
  };
}
