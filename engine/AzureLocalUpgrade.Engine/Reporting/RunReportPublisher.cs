using System.Text;
using AzureLocalUpgrade.Engine.Execution.Runs;

namespace AzureLocalUpgrade.Engine.Reporting;

/// <summary>Where <see cref="RunReportPublisher.Write"/> put the report.</summary>
public sealed record RunReportFiles(string MarkdownPath, string JUnitPath);

/// <summary>
/// Writes <c>report.md</c> and <c>report.junit.xml</c> into a run folder. Each file is written beside its final name
/// and moved over it, so a reader (a CI job collecting JUnit files) never sees half a report.
/// </summary>
public static class RunReportPublisher
{
    public const string MarkdownFileName = "report.md";

    public const string JUnitFileName = "report.junit.xml";

    public static RunReportFiles Write(RunFolder runFolder, RunReport report)
    {
        ArgumentNullException.ThrowIfNull(runFolder);
        ArgumentNullException.ThrowIfNull(report);
        var files = new RunReportFiles(Path.Combine(runFolder.Path, MarkdownFileName), Path.Combine(runFolder.Path, JUnitFileName));
        Replace(files.MarkdownPath, MarkdownReportWriter.Write(report));
        Replace(files.JUnitPath, JUnitReportWriter.Write(report));
        return files;
    }

    /// <summary>Stores both reports as documents of the run (a store other than files: the fleet database).</summary>
    public static void Write(Execution.Storage.IRunDocumentStore documents, string runId, RunReport report)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(report);
        documents.Write(runId, MarkdownFileName, Encoding.UTF8.GetBytes(MarkdownReportWriter.Write(report)));
        documents.Write(runId, JUnitFileName, Encoding.UTF8.GetBytes(JUnitReportWriter.Write(report)));
    }

    private static void Replace(string path, string content)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, path, overwrite: true);
    }
}
