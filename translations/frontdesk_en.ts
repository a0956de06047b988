<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccessCommands</name>
    <message numerus="yes">
        <source>The audit trail is intact: %n entries, each chained to the one before.</source>
        <translation>
            <numerusform>The audit trail is intact: %n entry.</numerusform>
            <numerusform>The audit trail is intact: %n entries, each chained to the one before.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It matches the copy the server %1 holds (%n entries; the rest go up with the next sync).</source>
        <translation>
            <numerusform>It matches the copy the server %1 holds (%n entry; the rest go up with the next sync).</numerusform>
            <numerusform>It matches the copy the server %1 holds (%n entries; the rest go up with the next sync).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DayListExport</name>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n appointment</numerusform>
            <numerusform>%n appointments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientCommands</name>
    <message numerus="yes">
        <source>%1: not imported (%n problem(s); nothing from this file was kept):</source>
        <translation>
            <numerusform>%1: not imported (%n problem; nothing from this file was kept):</numerusform>
            <numerusform>%1: not imported (%n problems; nothing from this file was kept):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote the records of %n patient(s) to %1.</source>
        <translation>
            <numerusform>Wrote the records of %n patient to %1.</numerusform>
            <numerusform>Wrote the records of %n patients to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecallCommands</name>
    <message numerus="yes">
        <source>%n message(s) queued for frontdesk-server to send</source>
        <translation>
            <numerusform>%n message queued for frontdesk-server to send</numerusform>
            <numerusform>%n messages queued for frontdesk-server to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call or letter task(s) made</source>
        <translation>
            <numerusform>%n call or letter task made</numerusform>
            <numerusform>%n call or letter tasks made</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) not contacted.</source>
        <translation>
            <numerusform>%n patient not contacted.</numerusform>
            <numerusform>%n patients not contacted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) could not be contacted; see above.</source>
        <translation>
            <numerusform>%n patient could not be contacted; see above.</numerusform>
            <numerusform>%n patients could not be contacted; see above.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecallOutreach</name>
    <message numerus="yes">
        <source>No visit for %n month(s).</source>
        <translation>
            <numerusform>No visit for %n month.</numerusform>
            <numerusform>No visit for %n months.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SurveyCommands</name>
    <message numerus="yes">
        <source>No completed visit in the last %n day(s).</source>
        <translation>
            <numerusform>No completed visit in the last %n day.</numerusform>
            <numerusform>No completed visit in the last %n days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncCommands</name>
    <message numerus="yes">
        <source>The %n local staff account(s) are kept. From now on the server checks every sign-in; offline, the passwords kept here still work. Each sync gives them the server&apos;s name, role and state, and disables those the server does not have.</source>
        <translation>
            <numerusform>The %n local staff account is kept. From now on the server checks every sign-in; offline, the password kept here still works. Each sync gives it the server&apos;s name, role and state, or disables it if the server does not have it.</numerusform>
            <numerusform>The %n local staff accounts are kept. From now on the server checks every sign-in; offline, the passwords kept here still work. Each sync gives them the server&apos;s name, role and state, and disables those the server does not have.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n audit entries went up to the server.</source>
        <translation>
            <numerusform>%n audit entry went up to the server.</numerusform>
            <numerusform>%n audit entries went up to the server.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n staff account(s) changed to the server&apos;s.</source>
        <translation>
            <numerusform>%n staff account changed to the server&apos;s.</numerusform>
            <numerusform>%n staff accounts changed to the server&apos;s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rebuilt %n search index(es).</source>
        <translation>
            <numerusform>Rebuilt %n search index.</numerusform>
            <numerusform>Rebuilt %n search indexes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncConflicts</name>
    <message numerus="yes">
        <source>Name the record by its id or at least its first %n characters.</source>
        <translation>
            <numerusform>Name the record by its id or at least its first %n character.</numerusform>
            <numerusform>Name the record by its id or at least its first %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::AuditViewer</name>
    <message numerus="yes">
        <source>%n entries match.</source>
        <translation>
            <numerusform>%n entry matches.</numerusform>
            <numerusform>%n entries match.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The audit trail is intact: %n entries, each chained to the one before.</source>
        <translation>
            <numerusform>The audit trail is intact: %n entry.</numerusform>
            <numerusform>The audit trail is intact: %n entries, each chained to the one before.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>Exported %n entry to %1.</numerusform>
            <numerusform>Exported %n entries to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::DrillDownDialog</name>
    <message numerus="yes">
        <source>%1, %2: %n record(s)</source>
        <comment>figure, period</comment>
        <translation>
            <numerusform>%1, %2: %n record</numerusform>
            <numerusform>%1, %2: %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n row(s) to %1.</source>
        <translation>
            <numerusform>Saved %n row to %1.</numerusform>
            <numerusform>Saved %n rows to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiBreakdownModel</name>
    <message numerus="yes">
        <source>%1 (partial: %n of 7 days)</source>
        <comment>a week of the trend</comment>
        <translation>
            <numerusform>%1 (partial: %n of 7 days)</numerusform>
            <numerusform>%1 (partial: %n of 7 days)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::LockScreen</name>
    <message numerus="yes">
        <source>%1 has %n form(s) open that cannot be kept: switching closes them without saving. Press Switch User again to go on, or let %1 unlock.</source>
        <translation>
            <numerusform>%1 has %n form open that cannot be kept: switching closes it without saving. Press Switch User again to go on, or let %1 unlock.</numerusform>
            <numerusform>%1 has %n forms open that cannot be kept: switching closes them without saving. Press Switch User again to go on, or let %1 unlock.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::NoShowHeatMap</name>
    <message numerus="yes">
        <source>%Ln no-show(s)</source>
        <translation>
            <numerusform>%Ln no-show</numerusform>
            <numerusform>%Ln no-shows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln appointment(s) not cancelled</source>
        <translation>
            <numerusform>%Ln appointment not cancelled</numerusform>
            <numerusform>%Ln appointments not cancelled</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientProfileView</name>
    <message numerus="yes">
        <source>born %1 (%n years)</source>
        <translation>
            <numerusform>born %1 (%n year)</numerusform>
            <numerusform>born %1 (%n years)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientsView</name>
    <message numerus="yes">
        <source>%Ln patients match</source>
        <translation>
            <numerusform>%Ln patient matches</numerusform>
            <numerusform>%Ln patients match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln patients</source>
        <translation>
            <numerusform>%Ln patient</numerusform>
            <numerusform>%Ln patients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::RecallOutreachDialog</name>
    <message numerus="yes">
        <source>&amp;Send to %n patient(s)</source>
        <translation>
            <numerusform>&amp;Send to %n patient</numerusform>
            <numerusform>&amp;Send to %n patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) due, </source>
        <translation>
            <numerusform>%n patient due, </numerusform>
            <numerusform>%n patients due, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to be contacted.</source>
        <translation>
            <numerusform>%n to be contacted.</numerusform>
            <numerusform>%n to be contacted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent: %n message(s) queued, </source>
        <translation>
            <numerusform>Sent: %n message queued, </numerusform>
            <numerusform>Sent: %n messages queued, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) made, </source>
        <translation>
            <numerusform>%n task made, </numerusform>
            <numerusform>%n tasks made, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) not contacted.</source>
        <translation>
            <numerusform>%n patient not contacted.</numerusform>
            <numerusform>%n patients not contacted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::RecallsTab</name>
    <message numerus="yes">
        <source>Recalls (%n overdue)</source>
        <translation>
            <numerusform>Recalls (%n overdue)</numerusform>
            <numerusform>Recalls (%n overdue)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::SchedulePanel</name>
    <message numerus="yes">
        <source>%1 — %n appointment(s)</source>
        <translation>
            <numerusform>%1 — %n appointment</numerusform>
            <numerusform>%1 — %n appointments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n appointment(s) of the series; each can be reverted on its own.</source>
        <translation>
            <numerusform>Cancelled %n appointment of the series; each can be reverted on its own.</numerusform>
            <numerusform>Cancelled %n appointments of the series; each can be reverted on its own.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) of the series now at this time.</source>
        <translation>
            <numerusform>%n appointment of the series now at this time.</numerusform>
            <numerusform>%n appointments of the series now at this time.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The freed time at %1 suits %n patient(s) on the waitlist: %2.</source>
        <translation>
            <numerusform>The freed time at %1 suits %n patient on the waitlist: %2.</numerusform>
            <numerusform>The freed time at %1 suits %n patients on the waitlist: %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::ScheduleView</name>
    <message numerus="yes">
        <source>%Ln appointments</source>
        <translation>
            <numerusform>%Ln appointment</numerusform>
            <numerusform>%Ln appointments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::SurveyAnswerDialog</name>
    <message numerus="yes">
        <source>The patient has no completed visit in the last %n day(s) to answer about.</source>
        <translation>
            <numerusform>The patient has no completed visit in the last %n day to answer about.</numerusform>
            <numerusform>The patient has no completed visit in the last %n days to answer about.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::SyncStatusWidget</name>
    <message numerus="yes">
        <source>%Ln changes waiting</source>
        <translation>
            <numerusform>%Ln change waiting</numerusform>
            <numerusform>%Ln changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %Ln in conflict</source>
        <translation>
            <numerusform> · %Ln in conflict</numerusform>
            <numerusform> · %Ln in conflict</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %Ln refused by the server</source>
        <translation>
            <numerusform> · %Ln refused by the server</numerusform>
            <numerusform> · %Ln refused by the server</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::WeeklyTrendChart</name>
    <message numerus="yes">
        <source>%1: %Ln appointments</source>
        <comment>a week of the weekly trend chart</comment>
        <translation>
            <numerusform>%1: %Ln appointment</numerusform>
            <numerusform>%1: %Ln appointments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (partial week: %n of 7 days)</source>
        <comment>a week of the weekly trend chart</comment>
        <translation>
            <numerusform>%1 (partial week: %n of 7 days)</numerusform>
            <numerusform>%1 (partial week: %n of 7 days)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::WorklistView</name>
    <message numerus="yes">
        <source>%n task(s) due</source>
        <translation>
            <numerusform>%n task due</numerusform>
            <numerusform>%n tasks due</numerusform>
        </translation>
    </message>
</context>
</TS>
