using AzureLocalUpgrade.Engine.Execution.Runs;

namespace AzureLocalUpgrade.Fleet.Storage.Postgres;

/// <summary>The same checks on run ids and document names as the file store makes, so both stores accept the same keys.</summary>
internal static class PostgresRunNames
{
    public static void CheckRunId(string runId)
    {
        if (RunId.Problem(runId) is { } problem)
        {
            throw new ArgumentException($"'{runId}' is not a run id: {problem}.", nameof(runId));
        }
    }

    /// <summary>A relative name inside the run (<c>run.json</c>, <c>pinned/runbooks/x.yaml</c>): never rooted, never <c>..</c>.</summary>
    public static string CheckDocumentName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var segments = name.Split('/', '\\');
        if (Path.IsPathRooted(name) || segments.Any(s => s is "" or "." or ".."))
        {
            throw new ArgumentException($"'{name}' is not a document name inside a run (a relative path without '.' or '..').", nameof(name));
        }

        return string.Join('/', segments);
    }
}
