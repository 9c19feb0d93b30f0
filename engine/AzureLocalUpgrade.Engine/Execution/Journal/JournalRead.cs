namespace AzureLocalUpgrade.Engine.Execution.Journal;

/// <summary>A journal as read: its records, and a warning (<c>file:line: ...</c>) for each damaged line skipped.</summary>
public sealed record JournalRead(IReadOnlyList<JournalRecord> Records, IReadOnlyList<string> Warnings);
