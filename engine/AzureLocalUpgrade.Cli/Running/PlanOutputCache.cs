using System.Globalization;
using System.Text;
using AzureLocalUpgrade.Engine.Inputs;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// The text of clean plans (no diagnostics) already printed, so running <c>alu plan</c> again on unchanged files
/// prints it without loading YAML, schema, Scriban or PowerShell code: in a fresh process that start-up work is most
/// of the wall time, and the plan is a pure function of its inputs (docs/performance.md).
/// </summary>
/// <remarks>
/// An entry is found by the request (<see cref="KeyOf"/>: paths, options, working directory, this build of alu) and
/// holds the exact bytes of every file the plan was built from; it is served only if each file still has exactly
/// those bytes, so a changed runbook, fragment, inventory or params file is never served stale. Comparing bytes
/// rather than hashes keeps cryptography (OpenSSL's start-up) off the hit path. Like
/// <see cref="Engine.Validation.CleanContentCache"/> it is an optimisation only: anything unreadable or malformed is
/// a miss, and a write that fails is ignored.
/// </remarks>
public sealed class PlanOutputCache(string directory)
{
    private const string Format = "alu-plan-output 2";

    /// <summary>A file the plan was built from and the bytes it was built from.</summary>
    public sealed record Dependency(string Path, byte[] Content);

    /// <summary>The user's cache (null when disabled, <see cref="Engine.Validation.CleanContentCache.DisableVariable"/>); in-process tests leave it null.</summary>
    public static PlanOutputCache? User { get; set; }

    /// <summary>The entry's key: everything besides file contents that the printed plan depends on, one value a line.</summary>
    public static string KeyOf(string workingDirectory, string format, string runbookPath, string clusterPath, string? paramsPath, IReadOnlyList<string> setArgs)
    {
        var key = new StringBuilder(Format).Append('\n');
        Append(key, BuildIdentity.Value);
        Append(key, workingDirectory);
        Append(key, format);
        Append(key, runbookPath);
        Append(key, clusterPath);
        Append(key, paramsPath ?? "");
        foreach (var set in setArgs)
        {
            Append(key, set);
        }

        return key.ToString();
    }

    // Length-prefixed, so values cannot run into each other whatever they contain.
    private static void Append(StringBuilder key, string part) =>
        key.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part).Append('\n');

    /// <summary>The plan text stored under <paramref name="key"/> if every file it was built from is unchanged.</summary>
    public string? TryGet(string key)
    {
        using var text = TryOpen(key);
        return text is null ? null : new StreamReader(text, Encoding.UTF8, detectEncodingFromByteOrderMarks: false).ReadToEnd();
    }

    /// <summary>
    /// The plan text stored under <paramref name="key"/> as a stream of UTF-8 bytes (so it can be copied to stdout
    /// without decoding), if every file it was built from is unchanged; else null.
    /// </summary>
    public Stream? TryOpen(string key)
    {
        FileStream? entry = null;
        try
        {
            entry = File.OpenRead(FileOf(key));
            if (IsCurrent(entry, key))
            {
                return entry;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            // Unreadable or damaged: a miss.
        }

        entry?.Dispose();
        return null;
    }

    // Reads the entry up to its text: the key, then every recorded file compared byte for byte with the file now.
    private static bool IsCurrent(FileStream entry, string key)
    {
        using var reader = new BinaryReader(entry, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != key)
        {
            return false;
        }

        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var path = reader.ReadString();
            // At most the recorded length plus one byte is read: a file replaced by a device or a FIFO is a miss.
            if (ReadBytes(reader) is not { } recorded || InputFile.Read(path, recorded.Length) is not { Succeeded: true } now || !now.Bytes.AsSpan().SequenceEqual(recorded))
            {
                return false;
            }
        }

        // An entry without files cannot be checked, so it is never trusted; the text is the rest of the entry.
        return count > 0 && reader.ReadInt32() == entry.Length - entry.Position;
    }

    /// <summary>Stores <paramref name="text"/> under <paramref name="key"/>, replacing any earlier entry in one step.</summary>
    public void Remember(string key, IReadOnlyCollection<Dependency> dependencies, string text)
    {
        if (dependencies.Count == 0)
        {
            return;
        }

        var file = FileOf(key);
        var temporary = $"{file}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(directory);
            using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
            {
                writer.Write(key);
                writer.Write(dependencies.Count);
                foreach (var dependency in dependencies)
                {
                    writer.Write(dependency.Path);
                    writer.Write(dependency.Content.Length);
                    writer.Write(dependency.Content);
                }

                var utf8 = Encoding.UTF8.GetBytes(text);
                writer.Write(utf8.Length);
                writer.Write(utf8);
            }

            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not remembered: the next run plans again.
        }
    }

    // Length-prefixed bytes (BinaryReader.ReadString decodes a long text in small chunks); null when damaged.
    private static byte[]? ReadBytes(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        return length < 0 || length > reader.BaseStream.Length - reader.BaseStream.Position ? null : reader.ReadBytes(length);
    }

    // The file is named by a 64-bit FNV-1a of the key; the entry holds the whole key, so a collision is only a miss.
    private string FileOf(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return Path.Combine(directory, "plan-" + hash.ToString("x16", CultureInfo.InvariantCulture) + ".bin");
    }

    /// <summary>
    /// This build of alu: the CLI and the engine (their module ids change with every change of their code). Package
    /// versions are covered by the dependency manifest, which <see cref="RememberedPlan"/> records as an input file.
    /// </summary>
    private static class BuildIdentity
    {
        public static readonly string Value =
            Hex(typeof(PlanOutputCache).Assembly.ManifestModule.ModuleVersionId) + Hex(typeof(Engine.Graph.StepGraph).Assembly.ManifestModule.ModuleVersionId);

        // A plain loop: Guid.ToString and Convert.ToHexString take vectorised paths the JIT compiles at each start.
        private static string Hex(Guid id)
        {
            const string digits = "0123456789abcdef";
            var hex = new StringBuilder(32);
            foreach (var b in id.ToByteArray())
            {
                hex.Append(digits[b >> 4]).Append(digits[b & 15]);
            }

            return hex.ToString();
        }
    }
}
