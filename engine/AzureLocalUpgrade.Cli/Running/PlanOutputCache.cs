using System.Security.Cryptography;
using System.Text;
using AzureLocalUpgrade.Engine.Validation;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// The text of clean plans (no diagnostics) already printed, so running <c>alu plan</c> again on unchanged files
/// prints it without loading YAML, schema, Scriban or PowerShell code: in a fresh process that start-up work is most
/// of the wall time, and the plan is a pure function of its inputs (docs/performance.md).
/// </summary>
/// <remarks>
/// An entry is found by the request (<see cref="KeyOf"/>: paths, options, working directory, this build of alu) and
/// is served only if every file the plan was built from still has the SHA-256 recorded with it, so a changed runbook,
/// fragment, inventory or params file is never served stale. Like <see cref="CleanContentCache"/> it is an
/// optimisation only: anything unreadable or malformed is a miss, and a write that fails is ignored.
/// </remarks>
public sealed class PlanOutputCache(string directory)
{
    private const string Header = "alu-plan-output 1";
    private const string DependencyPrefix = "dep ";
    private const string TextMarker = "text";

    /// <summary>A file the plan was built from and the SHA-256 (lower-case hex) of the bytes it was built from.</summary>
    public sealed record Dependency(string Path, string Sha256);

    /// <summary>The user's cache (null when disabled, <see cref="CleanContentCache.DisableVariable"/>); in-process tests leave it null.</summary>
    public static PlanOutputCache? User { get; set; }

    /// <summary>The entry's key: everything besides file contents that the printed plan depends on.</summary>
    public static string KeyOf(string workingDirectory, string format, string runbookPath, string clusterPath, string? paramsPath, IReadOnlyList<string> setArgs) =>
        CleanContentCache.KeyOf(
        [
            Header, BuildIdentity.Value, workingDirectory, format, runbookPath, clusterPath, paramsPath ?? "",
            setArgs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), .. setArgs,
        ]);

    /// <summary>The SHA-256 of a file's bytes, or null when it cannot be read.</summary>
    public static string? HashOf(string path)
    {
        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The plan text stored under <paramref name="key"/> if every file it depends on is unchanged.</summary>
    public string? TryGet(string key)
    {
        string content;
        try
        {
            content = File.ReadAllText(FileOf(key));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var reader = new StringReader(content);
        if (reader.ReadLine() != Header)
        {
            return null;
        }

        var dependencies = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line == TextMarker)
            {
                // An entry without dependencies cannot be checked, so it is never trusted.
                return dependencies > 0 ? reader.ReadToEnd() : null;
            }

            if (!line.StartsWith(DependencyPrefix, StringComparison.Ordinal) || line.Length < DependencyPrefix.Length + 66)
            {
                return null;
            }

            var sha256 = line.Substring(DependencyPrefix.Length, 64);
            if (HashOf(line[(DependencyPrefix.Length + 65)..]) != sha256)
            {
                return null;
            }

            dependencies++;
        }

        return null;
    }

    /// <summary>Stores <paramref name="text"/> under <paramref name="key"/>, replacing any earlier entry in one step.</summary>
    public void Remember(string key, IReadOnlyCollection<Dependency> dependencies, string text)
    {
        if (dependencies.Count == 0 || dependencies.Any(d => d.Sha256.Length != 64 || d.Path.AsSpan().ContainsAny('\r', '\n')))
        {
            return;
        }

        var entry = new StringBuilder(Header).Append('\n');
        foreach (var dependency in dependencies)
        {
            entry.Append(DependencyPrefix).Append(dependency.Sha256).Append(' ').Append(dependency.Path).Append('\n');
        }

        entry.Append(TextMarker).Append('\n').Append(text);
        var file = FileOf(key);
        try
        {
            Directory.CreateDirectory(directory);
            var temporary = $"{file}.{Environment.ProcessId}.tmp";
            File.WriteAllText(temporary, entry.ToString());
            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not remembered: the next run plans again.
        }
    }

    private string FileOf(string key) => Path.Combine(directory, "plan-" + key + ".txt");

    /// <summary>
    /// This build of alu: the engine and the CLI (their module ids change with every change of code) and the
    /// dependency manifest (package versions), so a new alu never prints a plan an older one rendered.
    /// </summary>
    private static class BuildIdentity
    {
        public static readonly string Value = Compute();

        private static string Compute()
        {
            var deps = AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string ?? "";
            var appDeps = deps.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return string.Join(
                '|',
                typeof(PlanOutputCache).Assembly.ManifestModule.ModuleVersionId,
                typeof(CleanContentCache).Assembly.ManifestModule.ModuleVersionId,
                appDeps is null ? "" : HashOf(appDeps) ?? "");
        }
    }
}
