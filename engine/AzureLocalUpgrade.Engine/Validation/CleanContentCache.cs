using System.Security.Cryptography;
using System.Text;
using AzureLocalUpgrade.Engine.Inputs;

namespace AzureLocalUpgrade.Engine.Validation;

/// <summary>
/// An on-disk set of SHA-256 keys of inputs a pure check found clean: "this exact text passed this exact checker".
/// Used so a cold <c>alu</c> process skips the two costliest start-up checks for unchanged files (docs/performance.md).
/// </summary>
/// <remarks>
/// Only clean results are kept, so errors are always found afresh with their full diagnostics. Keys are over the
/// complete input, and the file is named after the checker's version, so any change to the text or the checker is a
/// miss. The cache is an optimisation only: any I/O problem reading or writing it is the same as an empty cache.
/// </remarks>
public sealed class CleanContentCache
{
    /// <summary>Set to any value to disable the user's caches (every check runs).</summary>
    public const string DisableVariable = "ALU_NO_CACHE";

    private const int MaxEntries = 20_000;
    private const long MaxCacheFileBytes = MaxEntries * 68L; // 64 hex digits and a line end per entry
    private readonly string _file;
    private readonly Lock _gate = new();
    private HashSet<string>? _clean;

    /// <param name="directory">Folder of the cache file (created on first write).</param>
    /// <param name="name">The checker and its version, e.g. <c>script-parse-7.6.0.500</c>.</param>
    public CleanContentCache(string directory, string name)
    {
        _file = Path.Combine(directory, name + ".txt");
    }

    // Read on first use, not when the process starts: a command that never runs the checker (a remembered plan,
    // `alu status`) should not pay for reading it.
    private HashSet<string> Clean => _clean ??= Read(_file);

    /// <summary>
    /// The current user's cache folder (<c>$XDG_CACHE_HOME/alu</c>, else <c>~/.cache/alu</c>; on Windows the local
    /// application data folder), or null when caching is disabled or no such folder can be named.
    /// </summary>
    public static string? UserDirectory()
    {
        if (Environment.GetEnvironmentVariable(DisableVariable) is not null)
        {
            return null;
        }

        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home ? Path.Combine(home, ".cache")
            : null;
        return root is null ? null : Path.Combine(root, "alu");
    }

    /// <summary>The key of an input: SHA-256 of its parts, each length-prefixed so parts cannot run into each other.</summary>
    public static string KeyOf(params string[] parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part.Length).Append(':').Append(part);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public bool IsClean(string key)
    {
        lock (_gate)
        {
            return Clean.Contains(key);
        }
    }

    /// <summary>Records a clean result and writes the file, replacing it in one step (readers see old or new).</summary>
    public void RememberClean(string key)
    {
        string[] lines;
        lock (_gate)
        {
            if (Clean.Count >= MaxEntries || !Clean.Add(key))
            {
                return;
            }

            lines = [.. Clean.Order(StringComparer.Ordinal)];
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
            var temporary = $"{_file}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
            File.WriteAllLines(temporary, lines);
            File.Move(temporary, _file, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only means the next run checks again.
        }
    }

    private static HashSet<string> Read(string file)
    {
        var clean = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            if (InputFile.Read(file, MaxCacheFileBytes) is { Succeeded: true } read)
            {
                clean.UnionWith(read.Text().Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length == 64));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            clean.Clear();
        }

        return clean;
    }
}
