using System.Runtime.CompilerServices;
using System.Text.Json;
using AzureLocalUpgrade.Cli.Commands;

namespace AzureLocalUpgrade.Cli.Tests.MachineOutput;

/// <summary>A JSON document alu prints for a program carries <c>formatVersion</c> first, so a consumer can check it before reading on.</summary>
public sealed class FormatVersionTests
{
    [Fact]
    public void Select_json_starts_with_format_version_1()
    {
        using var output = new StringWriter();
        var root = RepositoryRoot();

        SelectCommand.Run(new FileInfo(Path.Combine(root, "samples", "clusters", "four-node-22h2.yaml")), null, "json",
            new DirectoryInfo(Path.Combine(root, "runbooks")), output, TextWriter.Null);

        using var json = JsonDocument.Parse(output.ToString());
        var first = json.RootElement.EnumerateObject().First();
        first.Name.Should().Be("formatVersion");
        first.Value.GetInt32().Should().Be(SelectCommand.FormatVersion).And.Be(1);
    }

    private static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
