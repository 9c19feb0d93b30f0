using System.Runtime.CompilerServices;
using AzureLocalUpgrade.Engine.Compilation;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Parameters;
using AzureLocalUpgrade.Engine.Planning;
using AzureLocalUpgrade.Engine.Planning.Rendering;
using AzureLocalUpgrade.Engine.Validation;

namespace AzureLocalUpgrade.Engine.Tests.Planning;

/// <summary>
/// Golden plans: every folder under TestData/plans holds runbook.yaml, cluster.yaml, optional params.yaml and the
/// expected plan.txt, plan.md and plan.json. Set ALU_SET_BASELINE=1 to rewrite them after an intended change.
/// </summary>
public sealed class PlanGoldenTests
{
    private static readonly (string File, IPlanRenderer Renderer)[] Outputs =
    [
        ("plan.txt", new TextPlanRenderer()),
        ("plan.md", new MarkdownPlanRenderer()),
        ("plan.json", new JsonPlanRenderer()),
        ("plan.mmd", new MermaidPlanRenderer()),
        ("plan.dot", new DotPlanRenderer()),
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Directory.GetDirectories(SourceFolder()).Order(StringComparer.Ordinal))
        {
            foreach (var (file, _) in Outputs)
            {
                data.Add(Path.GetFileName(folder), file);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plan_ShouldMatchTheGoldenFile(string caseName, string outputFile)
    {
        var folder = Path.Combine(SourceFolder(), caseName);
        var actual = Outputs.Single(o => o.File == outputFile).Renderer.Render(PlanFor(folder));
        var expectedPath = Path.Combine(folder, outputFile);

        if (Environment.GetEnvironmentVariable("ALU_SET_BASELINE") == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }

        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : "";
        if (actual != expected)
        {
            var actualPath = Path.Combine(Path.GetTempPath(), $"alu-golden-{caseName}-{outputFile}");
            File.WriteAllText(actualPath, actual);
            actual.Should().Be(expected,
                $"the plan changed; review with: git diff --no-index {expectedPath} {actualPath} ; accept with: ALU_SET_BASELINE=1 dotnet test --filter PlanGoldenTests");
        }
    }

    internal static Plan PlanFor(string folder, IReadOnlyList<string>? setArgs = null)
    {
        var validation = RunbookValidation.LoadAndValidate(Path.Combine(folder, "runbook.yaml"));
        validation.Diagnostics.Select(d => d.ToString()).Should().BeEmpty();
        var bag = new DiagnosticBag();
        var cluster = InventoryLoader.Load(Path.Combine(folder, "cluster.yaml"), bag);
        var paramsFile = Path.Combine(folder, "params.yaml");
        var parameters = ParameterBinder.Bind(validation.Runbook!, setArgs ?? [], File.Exists(paramsFile) ? paramsFile : null, bag);
        var graph = new StepGraphCompiler().Compile(validation.Runbook!, parameters, cluster!, bag);
        bag.Items.Select(d => d.ToString()).Should().BeEmpty();
        return PlanBuilder.Build(graph!, PlanOrigin.Relative(Path.Combine(folder, "runbook.yaml"), Path.Combine(folder, "cluster.yaml"), folder));
    }

    // Goldens are read from and written to the source tree, so a rewrite lands in git, not in bin/.
    internal static string SourceFolder([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "TestData", "plans");
}
