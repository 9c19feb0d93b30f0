using System.Text.RegularExpressions;

namespace AzureLocalUpgrade.Cli.Commands;

/// <summary>
/// Reads a YAML file's top-level <c>kind:</c> without loading it, to choose the loader (runbook/fragment or cluster)
/// and to pick alu documents out of a folder that also holds other YAML.
/// </summary>
internal static partial class DocumentKindSniffer
{
    public static string? KindOf(string path)
    {
        try
        {
            var match = KindLine().Match(File.ReadAllText(path));
            return match.Success ? match.Groups["kind"].Value : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^kind:\s*['""]?(?<kind>[A-Za-z]+)", RegexOptions.Multiline)]
    private static partial Regex KindLine();
}
