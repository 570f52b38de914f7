import type { ReactNode } from 'react';
import type { Role } from '../api/types.ts';
import { Page } from '../components/Page.tsx';
import { fill, useT } from '../i18n.ts';
import { AdminUsersSection } from '../sections/AdminUsersSection.tsx';
import { AlertsSection } from '../sections/AlertsSection.tsx';
import { AssistanceDaySection } from '../sections/AssistanceDaySection.tsx';
import { LabourNoticesSection } from '../sections/LabourNoticesSection.tsx';
import { LabourStartSection } from '../sections/LabourStartSection.tsx';
import { CaseloadSection } from '../sections/CaseloadSection.tsx';
import { MyCasesSection } from '../sections/MyCasesSection.tsx';
import { PersonSearchSection } from '../sections/PersonSearchSection.tsx';
import { StatsSection } from '../sections/StatsSection.tsx';
import { useSession } from '../session.tsx';

/**
 * What each role sees on the start page, in order. Several roles may share a section (a
 * caseworker who is also a labour consultant sees "Mina ärenden" once). Later parts can add
 * sections here.
 */
type SectionId =
  | 'myDay'
  | 'myCases'
  | 'labourNotices'
  | 'labourStart'
  | 'caseloads'
  | 'alerts'
  | 'personSearch'
  | 'stats'
  | 'users';

const SECTIONS_BY_ROLE: Record<Role, readonly SectionId[]> = {
  caseworker: ['myDay', 'labourNotices', 'myCases'],
  labour_consultant: ['labourStart', 'myCases'],
  unit_manager: ['caseloads', 'alerts', 'labourNotices', 'labourStart'],
  fraud_investigator: ['personSearch'],
  analyst: ['stats'],
  administrator: ['users'],
};

const SECTIONS: Record<SectionId, () => ReactNode> = {
  myDay: () => <AssistanceDaySection level={2} />,
  myCases: () => <MyCasesSection level={2} />,
  labourNotices: () => <LabourNoticesSection level={2} />,
  labourStart: () => <LabourStartSection level={2} />,
  caseloads: () => <CaseloadSection level={2} />,
  alerts: () => <AlertsSection level={2} />,
  personSearch: () => <PersonSearchSection level={2} />,
  stats: () => <StatsSection level={2} />,
  users: () => <AdminUsersSection level={2} />,
};

export function StartPage() {
  const t = useT();
  const { user } = useSession();
  const sections: SectionId[] = [];
  for (const { role } of user.roles) {
    for (const section of SECTIONS_BY_ROLE[role] ?? []) {
      if (!sections.includes(section)) sections.push(section);
    }
  }
  return (
    <Page title={t.start.title} intro={fill(t.start.welcome, { name: user.displayName })}>
      {sections.length === 0 ? <p>{t.start.noRoles}</p> : null}
      <div className="sections">
        {sections.map((section) => (
          <div key={section}>{SECTIONS[section]()}</div>
        ))}
      </div>
    </Page>
  );
}
