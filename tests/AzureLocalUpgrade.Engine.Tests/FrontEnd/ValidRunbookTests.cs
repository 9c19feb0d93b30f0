using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Validation;

namespace AzureLocalUpgrade.Engine.Tests.FrontEnd;

/// <summary>The every-feature fixture loads clean and comes back as the documented model, defaults applied.</summary>
public sealed class ValidRunbookTests
{
    private static readonly Lazy<ValidationResult> EveryFeature = new(() => RunbookValidation.LoadAndValidate(TestData.Valid("every-feature.yaml")));

    private static Runbook Runbook => EveryFeature.Value.Runbook!;

    private static StepDefinition Step(string id) => StepTraversal.Walk(Runbook.Steps).Single(v => v.Step.Id == id).Step;

    [Fact]
    public void LoadAndValidate_EveryFeatureRunbook_ShouldReportNothing()
    {
        EveryFeature.Value.Diagnostics.Should().BeEmpty();
        EveryFeature.Value.ValidRunbook.Should().NotBeNull();
    }

    [Fact]
    public void LoadAndValidate_RepositoryRunbooksAndSamples_ShouldReportNothing()
    {
        var root = RepositoryRoot();
        var files = new[] { "runbooks", "samples" }
            .Select(folder => Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories))
            .Where(file => File.ReadLines(file).Take(5).Any(l => l.Contains("kind: Runbook", StringComparison.Ordinal)));

        foreach (var file in files)
        {
            RunbookValidation.LoadAndValidate(file).Diagnostics.Should().BeEmpty(because: file);
        }
    }

    [Theory]
    [InlineData("setupMedia", ParameterType.Path, @"C:\SetupFiles\WindowsServer\ExtractedFiles", false)]
    [InlineData("wuConnected", ParameterType.Bool, true, false)]
    [InlineData("vmShutdown", ParameterType.String, "none", false)]
    [InlineData("maxRetries", ParameterType.Int, 3L, false)]
    [InlineData("tenantId", ParameterType.String, null, false)]
    [InlineData("adminPassword", ParameterType.Secret, null, false)]
    public void Parameters_DeclaredWithDefaults_ShouldBeTyped(string name, ParameterType type, object? defaultValue, bool required)
    {
        var parameter = Runbook.Parameters.Single(p => p.Name == name);

        parameter.Type.Should().Be(type);
        parameter.Default.Should().Be(defaultValue);
        parameter.Required.Should().Be(required);
    }

    [Fact]
    public void Parameters_DurationDefault_ShouldBeATimeSpan() =>
        Runbook.Parameters.Single(p => p.Name == "drainTimeout").Default.Should().Be(TimeSpan.FromMinutes(30));

    [Fact]
    public void Imports_Fragment_ShouldBeLoadedWithItsInputs()
    {
        var import = Runbook.Imports.Single();

        import.Fragment.Should().NotBeNull();
        import.Fragment!.Kind.Should().Be(RunbookKind.Fragment);
        import.Fragment.Parameters.Select(p => p.Name).Should().Equal("target", "variant");
        import.With["target"].Literal.Should().Be("23H2");
    }

    [Theory]
    [InlineData("drain", TargetKind.Node)]
    [InlineData("node-up", TargetKind.Node)]
    [InlineData("storage-healthy", TargetKind.Cluster)]
    [InlineData("not-solution-deployed", TargetKind.Orchestrator)]
    [InlineData("finish", TargetKind.Cluster)]
    public void Target_WrittenOrDefaulted_ShouldFollowTheStepsPlace(string id, TargetKind expected) =>
        Step(id).WorkScript!.On.Should().Be(expected);

    [Fact]
    public void Target_NotWritten_ShouldBeMarkedAsDefault()
    {
        Step("drain").WorkScript!.TargetFromDefault.Should().BeTrue();
        Step("node-up").WorkScript!.TargetFromDefault.Should().BeFalse();
    }

    [Fact]
    public void Wait_WithoutIntervalOrTimeout_ShouldUseTheDefaults()
    {
        var wait = Step("storage-repaired").Wait!;

        wait.Interval.Should().Be(TimeSpan.FromSeconds(30));
        wait.Timeout.Should().Be(TimeSpan.FromHours(3));
    }

    [Fact]
    public void Check_WithoutSeverity_ShouldBeAnError() =>
        Step("not-solution-deployed").Check!.Severity.Should().Be(Diagnostics.Severity.Error);

    [Theory]
    [InlineData("rolling-update", StrategyMode.Rolling, 1)]
    [InlineData("health-everywhere", StrategyMode.Parallel, null)]
    public void Strategy_ForEachGroups_ShouldApplyModeDefaults(string id, StrategyMode mode, int? maxConcurrent)
    {
        var group = Step(id).Group!;

        group.ForEachNode.Should().BeTrue();
        group.Strategy.Should().Be(new Strategy(mode, maxConcurrent, 0));
    }

    [Fact]
    public void CommonFields_OnDrain_ShouldAllBeRead()
    {
        var drain = Step("drain");

        drain.Retry.Should().Be(new RetryPolicy(3, TimeSpan.FromSeconds(30), 2));
        drain.Timeout.Should().Be(TimeSpan.FromMinutes(30));
        drain.Estimate.Should().Be(TimeSpan.FromMinutes(5));
        drain.SkipIf!.Value.Should().StartWith("(Get-ClusterNode");
        drain.Tags.Should().Equal("disruptive");
        drain.Name!.Value.Should().Be("Drain {{ node.name }}");
    }

    [Fact]
    public void OnFailure_OfForEachGroup_ShouldRunOnTheNode() =>
        Step("rolling-update").OnFailure.Single().WorkScript!.On.Should().Be(TargetKind.Node);

    [Theory]
    [InlineData("storage-healthy", true, new string[0])]
    [InlineData("secure-boot", true, new[] { "not-solution-deployed", "storage-healthy" })]
    [InlineData("registry", false, new[] { "secure-boot" })]
    public void Ordering_NeedsWrittenOrNot_ShouldFollowTheOrderingRule(string id, bool written, string[] dependencies)
    {
        var index = Runbook.Steps.ToList().FindIndex(s => s.Id == id);

        Runbook.Steps[index].NeedsWritten.Should().Be(written);
        StepOrdering.DependenciesOf(Runbook.Steps, index).Should().Equal(dependencies);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Directory.Packages.props")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The tests run outside the repository.");
    }
}
