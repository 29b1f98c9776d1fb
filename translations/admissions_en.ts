<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BatchApproval</name>
    <message numerus="yes">
        <source>%1 has %2 seats and %3 approvals already: approving these %n application(s) would go over by %4.</source>
        <translation>
            <numerusform>%1 has %2 seats and %3 approvals already: approving this %n application would go over by %4.</numerusform>
            <numerusform>%1 has %2 seats and %3 approvals already: approving these %n applications would go over by %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already decided or waiting to be sent</source>
        <translation>
            <numerusform>%n already decided or waiting to be sent</numerusform>
            <numerusform>%n already decided or waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not checked yet, or the check is out of date</source>
        <translation>
            <numerusform>%n not checked yet, or the check is out of date</numerusform>
            <numerusform>%n not checked yet, or the check is out of date</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not eligible</source>
        <translation>
            <numerusform>%n not eligible</numerusform>
            <numerusform>%n not eligible</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flagged</source>
        <translation>
            <numerusform>%n flagged</numerusform>
            <numerusform>%n flagged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with another category than the one claimed</source>
        <translation>
            <numerusform>%n with another category than the one claimed</numerusform>
            <numerusform>%n with another category than the one claimed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignOffPrompter</name>
    <message numerus="yes">
        <source>You are signing &quot;%1&quot;: %n decision(s). Your signature is checked with the key whose fingerprint is
%2
Type your passphrase to sign.</source>
        <translation>
            <numerusform>You are signing &quot;%1&quot;: %n decision. Your signature is checked with the key whose fingerprint is
%2
Type your passphrase to sign.</numerusform>
            <numerusform>You are signing &quot;%1&quot;: %n decisions. Your signature is checked with the key whose fingerprint is
%2
Type your passphrase to sign.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Supervision</name>
    <message numerus="yes">
        <source>This workstation holds the applications of %n school(s); say which with --scope SCHOOL.</source>
        <translation>
            <numerusform>This workstation holds the applications of %n school; say which with --scope SCHOOL.</numerusform>
            <numerusform>This workstation holds the applications of %n schools; say which with --scope SCHOOL.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupervisionCharts</name>
    <message numerus="yes">
        <source>Checked category of the %n school(s) with the most applications</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupervisionTables</name>
    <message numerus="yes">
        <source>Schools without a decision for %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An officer stands out when |robust z| &gt; %1, with z = 0.6745 (rate − median) / MAD over the officers with at least %n approval(s) and rejection(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Here: %n officer(s), median override rate %1, MAD %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>adm::ui::BatchActions</name>
    <message numerus="yes">
        <source>%n application(s) approved, each its own decision: Ctrl+Z takes back the last one until it is sent.</source>
        <translation>
            <numerusform>%n application approved, each its own decision: Ctrl+Z takes back the last one until it is sent.</numerusform>
            <numerusform>%n applications approved, each its own decision: Ctrl+Z takes back the last one until it is sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n application(s) approved, then it stopped: %1</source>
        <translation>
            <numerusform>%n application approved, then it stopped: %1</numerusform>
            <numerusform>%n applications approved, then it stopped: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1.</source>
        <translation>
            <numerusform>%n row exported to %1.</numerusform>
            <numerusform>%n rows exported to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) sent to the printer.</source>
        <translation>
            <numerusform>%n row sent to the printer.</numerusform>
            <numerusform>%n rows sent to the printer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>adm::ui::BatchApproveDialog</name>
    <message numerus="yes">
        <source>%n of the selected applications are clean: the check found the category claimed, eligible, with no flag. Each is approved in the category found, as its own decision that Ctrl+Z takes back one by one until it is sent.</source>
        <translation>
            <numerusform>%n of the selected applications is clean: the check found the category claimed, eligible, with no flag. Each is approved in the category found, as its own decision that Ctrl+Z takes back one by one until it is sent.</numerusform>
            <numerusform>%n of the selected applications are clean: the check found the category claimed, eligible, with no flag. Each is approved in the category found, as its own decision that Ctrl+Z takes back one by one until it is sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected applications is clean.</source>
        <translation>
            <numerusform>None of the %n selected applications is clean.</numerusform>
            <numerusform>None of the %n selected applications is clean.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out, to be decided one by one (%n):</source>
        <translation>
            <numerusform>Left out, to be decided one by one (%n):</numerusform>
            <numerusform>Left out, to be decided one by one (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more school(s) with room for these.</source>
        <translation>
            <numerusform>… and %n more school with room for these.</numerusform>
            <numerusform>… and %n more schools with room for these.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Approve %n</source>
        <translation>
            <numerusform>&amp;Approve %n</numerusform>
            <numerusform>&amp;Approve %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>adm::ui::CounterCheckPanel</name>
    <message numerus="yes">
        <source>%n field(s) still to complete or correct.</source>
        <translation>
            <numerusform>%n field still to complete or correct.</numerusform>
            <numerusform>%n fields still to complete or correct.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>adm::ui::CounterLookupPanel</name>
    <message numerus="yes">
        <source>What the agencies hold about %1: %n record(s).</source>
        <translation>
            <numerusform>What the agencies hold about %1: %n record.</numerusform>
            <numerusform>What the agencies hold about %1: %n records.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>adm::ui::ExportDialog</name>
    <message numerus="yes">
        <source>%1 — %2
%n application(s), in the order shown.</source>
        <translation>
            <numerusform>%1 — %2
%n application, in the order shown.</numerusform>
            <numerusform>%1 — %2
%n applications, in the order shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>adm::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n decision(s) of yours have not been sent to the city platform yet. They stay in the encrypted cache and are sent at the next sync.</source>
        <translation>
            <numerusform>%n decision of yours has not been sent to the city platform yet. It stays in the encrypted cache and is sent at the next sync.</numerusform>
            <numerusform>%n decisions of yours have not been sent to the city platform yet. They stay in the encrypted cache and are sent at the next sync.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) could not be sent. They wait in the outbox for the next sync.</source>
        <translation>
            <numerusform>%n decision could not be sent. It waits in the outbox for the next sync.</numerusform>
            <numerusform>%n decisions could not be sent. They wait in the outbox for the next sync.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The sync failed: %1. %n decision(s) wait in the outbox for the next sync.</source>
        <translation>
            <numerusform>The sync failed: %1. %n decision waits in the outbox for the next sync.</numerusform>
            <numerusform>The sync failed: %1. %n decisions wait in the outbox for the next sync.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>adm::ui::NewBatchDialog</name>
    <message numerus="yes">
        <source>Approvals only (%n)</source>
        <translation>
            <numerusform>Approvals only (%n)</numerusform>
            <numerusform>Approvals only (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rejections only (%n)</source>
        <translation>
            <numerusform>Rejections only (%n)</numerusform>
            <numerusform>Rejections only (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approvals and rejections (%n)</source>
        <translation>
            <numerusform>Approvals and rejections (%n)</numerusform>
            <numerusform>Approvals and rejections (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The batch will hold %n decision(s).</source>
        <translation>
            <numerusform>The batch will hold %n decision.</numerusform>
            <numerusform>The batch will hold %n decisions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>adm::ui::QueuePane</name>
    <message numerus="yes">
        <source>%n application(s)</source>
        <translation>
            <numerusform>%n application</numerusform>
            <numerusform>%n applications</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>adm::ui::SignOffWindow</name>
    <message numerus="yes">
        <source>Draft, not signed: %n override(s) still to mark seen.</source>
        <translation>
            <numerusform>Draft, not signed: %n override still to mark seen.</numerusform>
            <numerusform>Draft, not signed: %n overrides still to mark seen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1
%n decision(s) · %2</source>
        <translation>
            <numerusform>%1
%n decision · %2</numerusform>
            <numerusform>%1
%n decisions · %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark each override seen (Space on its row): %n left.</source>
        <translation>
            <numerusform>Mark each override seen (Space on its row): %n left.</numerusform>
            <numerusform>Mark each override seen (Space on its row): %n left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Batch &quot;%1&quot; made with %n decision(s). Look at it, then sign it.</source>
        <translation>
            <numerusform>Batch &quot;%1&quot; made with %n decision. Look at it, then sign it.</numerusform>
            <numerusform>Batch &quot;%1&quot; made with %n decisions. Look at it, then sign it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark every override seen before you sign: %n left (Space on its row).</source>
        <translation>
            <numerusform>Mark every override seen before you sign: %n left (Space on its row).</numerusform>
            <numerusform>Mark every override seen before you sign: %n left (Space on its row).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Public notice written to %1: %n admitted child(ren), names masked.</source>
        <translation>
            <numerusform>Public notice written to %1: %n admitted child, names masked.</numerusform>
            <numerusform>Public notice written to %1: %n admitted children, names masked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>admissionsctl</name>
    <message numerus="yes">
        <source>%n item(s) wait for a decision: admissionsctl conflicts</source>
        <translation>
            <numerusform>%n item waits for a decision: admissionsctl conflicts</numerusform>
            <numerusform>%n items wait for a decision: admissionsctl conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n application(s).</source>
        <translation>
            <numerusform>%n application.</numerusform>
            <numerusform>%n applications.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n declaration(s).</source>
        <translation>
            <numerusform>%n declaration.</numerusform>
            <numerusform>%n declarations.</numerusform>
        </translation>
    </message>
</context>
</TS>
