using AzureLocalUpgrade.Cli;
using AzureLocalUpgrade.Cli.Commands.Fleet;
using AzureLocalUpgrade.Fleet.Web.Access;
using AzureLocalUpgrade.Fleet.Web.Tests.Support;

namespace AzureLocalUpgrade.Fleet.Web.Tests.Cli;

/// <summary>alu fleet serve/report/hash-password through the real command line: outputs, diagnostics, exit codes.</summary>
public sealed class FleetCommandLineTests : IAsyncLifetime
{
    private SeededStore _store = null!;
    private string _folder = null!;

    public async Task InitializeAsync()
    {
        _store = await SeededStore.CreateAsync();
        await _store.FinishCanaryAsync();
        _folder = Directory.CreateTempSubdirectory("alu-fleet-cli-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private string Db => _store.Store.Database.Display;

    [Fact]
    public async Task Report_writes_the_markdown_report_of_a_fleet_run_to_stdout()
    {
        var (exit, stdout, _) = await RunAsync("fleet", "report", "demo", "--db", Db);
        exit.Should().Be(ExitCodes.Success);
        stdout.Should().StartWith("# Fleet report: demo-fleet").And.Contain("After **canary**: awaiting approval");
    }

    [Fact]
    public async Task Report_writes_the_html_page_into_a_file_and_names_it()
    {
        var (exit, stdout, _) = await RunAsync("fleet", "report", "demo-fleet", "--db", Db, "--format", "html", "--out", "report.html");
        exit.Should().Be(ExitCodes.Success);
        stdout.Trim().Should().Be("report.html");
        (await File.ReadAllTextAsync(Path.Combine(_folder, "report.html"))).Should().StartWith("<!doctype html>").And.Contain("<h1>Fleet report: demo-fleet</h1>");
    }

    [Fact]
    public async Task Report_of_an_unknown_fleet_names_the_ones_the_store_holds()
    {
        var (exit, _, stderr) = await RunAsync("fleet", "report", "nope", "--db", Db);
        exit.Should().Be(ExitCodes.InvalidInput);
        stderr.Should().Contain("error ALU7320: The store holds no fleet run 'nope'.").And.Contain("hint: Fleets in this store: demo");
    }

    [Fact]
    public async Task A_store_file_that_does_not_exist_is_invalid_input()
    {
        var (exit, _, stderr) = await RunAsync("fleet", "report", "demo", "--db", "missing.db");
        exit.Should().Be(ExitCodes.InvalidInput);
        stderr.Should().Contain("error ALU7321: there is no fleet store at").And.Contain("hint:");
        File.Exists(Path.Combine(_folder, "missing.db")).Should().BeFalse("a reader never creates a store");
    }

    [Fact]
    public async Task Serve_with_a_bad_access_file_reports_its_position_and_exits_2()
    {
        File.WriteAllText(Path.Combine(_folder, "access.yaml"), "apiVersion: azurelocal.upgrade/v1\nkind: DashboardAccess\naccounts:\n  - name: alice\n    role: admin\n    passwordHash: x\n");
        var (exit, stdout, stderr) = await RunAsync("fleet", "serve", "--db", Db, "--auth", "access.yaml");
        exit.Should().Be(ExitCodes.InvalidInput);
        stderr.Should().Contain("access.yaml:5:11: error ALU7303: Unknown role 'admin'.").And.Contain("hint: Use 'operator'");
        stdout.Should().BeEmpty("nothing was served");
    }

    [Theory]
    [InlineData("https://127.0.0.1:5080")]
    [InlineData("http://dashboard.example:5080")]
    [InlineData("not a url")]
    public async Task Serve_refuses_addresses_it_cannot_listen_on_as_given(string urls)
    {
        var (exit, _, stderr) = await RunAsync("fleet", "serve", "--db", Db, "--urls", urls);
        exit.Should().Be(ExitCodes.InvalidInput);
        stderr.Should().Contain("error ALU7310: --urls");
    }

    [Fact]
    public async Task Serve_on_a_port_already_taken_says_so_and_exits_1()
    {
        await using var first = await RunningDashboard.StartAsync(_store.Store, withAccess: false);
        var (exit, _, stderr) = await RunAsync("fleet", "serve", "--db", Db, "--urls", $"http://127.0.0.1:{first.Address.Port}");
        exit.Should().Be(ExitCodes.Failed);
        stderr.Should().Contain("error ALU7311: The dashboard cannot listen on").And.Contain("hint: Choose a free port");
    }

    [Fact]
    public void Hash_password_prints_a_hash_that_verifies_and_never_the_password()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = new FleetHashPasswordCommand(new CliConsole(stdout, stderr, _folder), new StringReader("s3cret pass\n")).Run();
        exit.Should().Be(ExitCodes.Success);
        var hash = stdout.ToString().Trim();
        hash.Should().NotContain("s3cret");
        PasswordHashes.Verify(new DashboardAccount("a", DashboardRole.Viewer, hash), "s3cret pass").Should().BeTrue();
    }

    [Theory]
    [InlineData("", "nothing")]
    [InlineData("one\ntwo\n", "more than one line")]
    public void Hash_password_refuses_input_that_is_not_one_password(string input, string problem)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = new FleetHashPasswordCommand(new CliConsole(stdout, stderr, _folder), new StringReader(input)).Run();
        exit.Should().Be(ExitCodes.InvalidInput);
        stderr.ToString().Should().Contain($"error ALU7312: Standard input holds {problem}");
    }

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApplication.RunAsync(args, new CliConsole(stdout, stderr, _folder));
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
