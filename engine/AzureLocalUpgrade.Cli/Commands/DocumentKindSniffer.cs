using System.Text.RegularExpressions;
using AzureLocalUpgrade.Engine.Inputs;

namespace AzureLocalUpgrade.Cli.Commands;

/// <summary>
/// Reads a YAML file's top-level <c>kind:</c> without loading it, to choose the loader (runbook/fragment or cluster)
/// and to pick alu documents out of a folder that also holds other YAML.
/// </summary>
internal static partial class DocumentKindSniffer
{
    public static string? KindOf(string path)
    {
        // The bounded reader: a device, a FIFO or an oversized file has no kind here; its loader says why.
        var read = InputFile.Read(path, InputLimits.YamlDocument);
        if (!read.Succeeded)
        {
            return null;
        }

        var match = KindLine().Match(read.Text());
        return match.Success ? match.Groups["kind"].Value : null;
    }

    [GeneratedRegex(@"^kind:\s*['""]?(?<kind>[A-Za-z]+)", RegexOptions.Multiline)]
    private static partial Regex KindLine();
}
