import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../../kernel/errors.ts';
import { account, causeAt } from '../testing.ts';
import { approveProject, completeMilestone, delegateProject, projectView, proposeProject } from './domain.ts';

const official = causeAt('2026-04-01T01:00:00.000Z', 'official-s03', ['street-official'], 'D01/S03');
const proposed = () =>
  proposeProject(
    {
      id: 'P1',
      street: 'D01/S03',
      year: 2026,
      category: 'living-environment',
      title: 'Sewer renewal, east lanes',
      budgetFen: 1000,
      milestones: [
        { name: 'Design', amountFen: 200 },
        { name: 'Works', amountFen: 800 },
      ],
    },
    official,
  ).project;
const approved = () => approveProject(proposed(), account(), causeAt()).project;
const delegated = () => delegateProject(approved(), causeAt()).project;

describe('capital projects', () => {
  it('a proposal numbers its milestones and waits for approval', () => {
    expect(proposed()).toMatchObject({ status: 'proposed', proposedBy: 'official-s03', milestones: [{ n: 1, status: 'pending' }, { n: 2, status: 'pending' }] });
  });

  it('approval commits the budget against the capital-projects account', () => {
    const change = approveProject(proposed(), account(), causeAt());

    expect(change).toMatchObject({ budgetId: 'D01-S03-2026', amountFen: 1000, project: { status: 'approved', approvedBy: 'finance-d01' } });
    expect(change.events[0]!.detailType).toBe('ProjectApproved');
  });

  it('approval over what the category has uncommitted is 409, and so is approval without a budget', () => {
    expect(() => approveProject(proposed(), account({ availableFen: 999 }), causeAt())).toThrow(ConflictError);
    expect(() => approveProject(proposed(), undefined, causeAt())).toThrow(ConflictError);
  });

  it('a second approval is 409', () => {
    expect(() => approveProject(approved(), account(), causeAt())).toThrow(ConflictError);
  });

  it('delegation hands an approved project to the town → ProjectDelegated; a proposal cannot be delegated', () => {
    const { project, events } = delegateProject(approved(), causeAt());

    expect(project.status).toBe('delegated');
    expect(events[0]!.detail.data).toEqual({ projectId: 'P1', street: 'D01/S03', category: 'living-environment', budgetFen: 1000 });
    expect(() => delegateProject(proposed(), causeAt())).toThrow(ConflictError);
  });

  it('completing a milestone of a delegated project pays its amount → DisbursementRecorded with project and milestone', () => {
    const change = completeMilestone(delegated(), { n: 2, note: 'Works accepted', disbursementId: 'D9' }, official);

    expect(change.amountFen).toBe(800);
    expect(change.milestone).toMatchObject({ n: 2, status: 'completed', completedBy: 'official-s03', note: 'Works accepted', disbursementId: 'D9' });
    expect(change.events[0]!.detail.data).toEqual({ disbursementId: 'D9', street: 'D01/S03', amountFen: 800, projectId: 'P1', milestone: 2 });
  });

  it('a project reads as completed once every milestone is; a milestone completed twice is 409; one that does not exist 404', () => {
    const project = delegated();
    const withFirst = { ...project, milestones: [completeMilestone(project, { n: 1, note: 'ok', disbursementId: 'D1' }, official).milestone, project.milestones[1]!] };
    const withBoth = { ...withFirst, milestones: [withFirst.milestones[0]!, completeMilestone(withFirst, { n: 2, note: 'ok', disbursementId: 'D2' }, official).milestone] };

    expect(projectView(withFirst).status).toBe('delegated');
    expect(projectView(withBoth).status).toBe('completed');
    expect(() => completeMilestone(withFirst, { n: 1, note: 'again', disbursementId: 'D3' }, official)).toThrow(ConflictError);
    expect(() => completeMilestone(withFirst, { n: 3, note: 'x', disbursementId: 'D3' }, official)).toThrow(NotFoundError);
  });

  it('a milestone of a project not yet approved is 409', () => {
    expect(() => completeMilestone(proposed(), { n: 1, note: 'x', disbursementId: 'D' }, official)).toThrow(ConflictError);
  });

  it('a milestone of a project approved but not yet delegated to its town is 409: nothing is paid before delegation', () => {
    expect(() => completeMilestone(approved(), { n: 1, note: 'x', disbursementId: 'D' }, official)).toThrow(/not yet delegated/);
  });

  it('a project as the API shows it carries no version: no route takes one back', () => {
    expect(projectView(delegated())).not.toHaveProperty('version');
  });
});
