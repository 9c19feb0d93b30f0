using System.Text;
using System.Text.RegularExpressions;

namespace AzureLocalUpgrade.Fleet.Loading;

/// <summary>
/// Expands an inventory path or glob of the fleet file (<c>*</c> and <c>?</c> within one folder name, <c>**</c> for
/// any depth) against the fleet file's folder. Matches are files only, in ordinal order, so a fleet lists its
/// clusters the same way on every machine. Only names are enumerated here; every match is read later through the
/// one bounded reader by the inventory loader.
/// </summary>
internal static class InventoryGlob
{
    /// <summary>The expanded files (absolute paths), or null with <paramref name="problem"/> set.</summary>
    public static IReadOnlyList<string>? Expand(string pattern, string baseFolder, int maxMatches, out string problem)
    {
        problem = "";
        var normalized = pattern.Replace('\\', '/');
        var rooted = Path.IsPathRooted(normalized);
        var root = rooted ? Path.GetPathRoot(normalized)! : baseFolder;
        var segments = normalized[(rooted ? Path.GetPathRoot(normalized)!.Length : 0)..]
            .Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            problem = "it names no file";
            return null;
        }

        if (segments[^1] == "**")
        {
            problem = "it ends with '**'; end it with a file name or pattern such as **/*.yaml";
            return null;
        }

        var matches = new SortedSet<string>(StringComparer.Ordinal);
        Walk(root, segments, 0, matches, maxMatches + 1);
        if (matches.Count > maxMatches)
        {
            problem = $"it matches more than {maxMatches} files";
            return null;
        }

        return [.. matches];
    }

    private static void Walk(string folder, string[] segments, int index, SortedSet<string> matches, int stopAt)
    {
        if (matches.Count >= stopAt || !Directory.Exists(folder))
        {
            return;
        }

        var segment = segments[index];
        var last = index == segments.Length - 1;
        if (segment == "**")
        {
            // Zero folders, then every sub-folder at any depth (symbolic links are not followed: no loops).
            Walk(folder, segments, index + 1, matches, stopAt);
            foreach (var sub in SubFolders(folder))
            {
                Walk(sub, segments, index, matches, stopAt);
            }

            return;
        }

        if (!HasWildcard(segment))
        {
            var path = Path.Combine(folder, segment);
            if (last)
            {
                if (File.Exists(path))
                {
                    matches.Add(Path.GetFullPath(path));
                }
            }
            else
            {
                Walk(path, segments, index + 1, matches, stopAt);
            }

            return;
        }

        var regex = ToRegex(segment);
        var entries = last ? Files(folder) : SubFolders(folder);
        foreach (var entry in entries.Where(e => regex.IsMatch(Path.GetFileName(e))))
        {
            if (last)
            {
                matches.Add(Path.GetFullPath(entry));
                if (matches.Count >= stopAt)
                {
                    return;
                }
            }
            else
            {
                Walk(entry, segments, index + 1, matches, stopAt);
            }
        }
    }

    public static bool HasWildcard(string text) => text.Contains('*', StringComparison.Ordinal) || text.Contains('?', StringComparison.Ordinal);

    private static IEnumerable<string> Files(string folder) =>
        Safe(() => Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).ToList());

    private static IEnumerable<string> SubFolders(string folder) =>
        Safe(() => Directory.EnumerateDirectories(folder)
            .Where(d => !new DirectoryInfo(d).Attributes.HasFlag(FileAttributes.ReparsePoint))
            .Order(StringComparer.Ordinal).ToList());

    private static List<string> Safe(Func<List<string>> list)
    {
        try
        {
            return list();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return []; // an unreadable folder holds no match; a glob that matches nothing is reported
        }
    }

    private static Regex ToRegex(string segment)
    {
        var pattern = new StringBuilder("^");
        foreach (var c in segment)
        {
            pattern.Append(c switch
            {
                '*' => "[^/]*",
                '?' => "[^/]",
                _ => Regex.Escape(c.ToString()),
            });
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
