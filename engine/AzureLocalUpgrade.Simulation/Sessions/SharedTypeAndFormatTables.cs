using System.Management.Automation.Runspaces;

namespace AzureLocalUpgrade.Simulation.Sessions;

/// <summary>
/// One <see cref="TypeTable"/> and one <see cref="FormatTable"/> for every simulated runspace of the process.
/// A runspace opened from a state that lists type and format files builds both tables anew (parsing PowerShell's
/// built-in type and format data each time, ≈ 3 % of a simulated fleet run's CPU); a state that carries a single
/// prebuilt table is given that table instead, which is how PowerShell itself shares them between runspaces.
/// </summary>
/// <remarks>
/// Simulated only: a shared table cannot be updated, so a runspace using it cannot import a module that brings its own
/// type or format files. Real sessions (the orchestrator on Windows, which auto-loads ClusterAwareUpdating) keep their
/// own tables; simulated ones never import modules (module auto-loading is off and no runbook imports one), so the
/// tables they would build are always PowerShell's built-in ones, the very files these are built from.
/// </remarks>
internal static class SharedTypeAndFormatTables
{
    private static readonly Lock Gate = new();
    private static (TypeTable Types, FormatTable Formats)? _tables;

    /// <summary>Replaces <paramref name="state"/>'s type and format files with the shared tables built from them.</summary>
    public static void Apply(InitialSessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var (types, formats) = For(state);
        state.Types.Clear();
        state.Types.Add(new SessionStateTypeEntry(types));
        state.Formats.Clear();
        state.Formats.Add(new SessionStateFormatEntry(formats));
    }

    // Built from the first state seen: every simulated state is a clone of the engine's base state
    // (EngineSessionState.Create, PowerShell's default files), so all of them list the same files.
    private static (TypeTable, FormatTable) For(InitialSessionState state)
    {
        lock (Gate)
        {
            return _tables ??= (
                new TypeTable(state.Types.Select(FileOf)),
                new FormatTable(state.Formats.Select(FileOf)));
        }
    }

    private static string FileOf(SessionStateTypeEntry entry) =>
        entry.FileName ?? throw new InvalidOperationException("A simulated session's base state lists type data that is not a file.");

    private static string FileOf(SessionStateFormatEntry entry) =>
        entry.FileName ?? throw new InvalidOperationException("A simulated session's base state lists format data that is not a file.");
}
