using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Locking;
using AzureLocalUpgrade.Engine.Execution.Storage;

using AzureLocalUpgrade.Engine.Tests.Execution;

namespace AzureLocalUpgrade.Fleet.Tests.Storage;

/// <summary>
/// What every run store promises, run against the state folder's files and against PostgreSQL alike: one run per
/// cluster, every claim a higher epoch, stale claims taken over by the same rules, a stale holder (stopped past its
/// lease) can neither write the journal nor touch the new claim, two contenders never both win, a journal reads
/// back exactly what was appended, and run documents are kept whole.
/// </summary>
public abstract class RunStoreContractTests : IDisposable
{
    protected static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected ManualTimeProvider Time { get; } = new();

    /// <summary>A fresh, empty store for this test.</summary>
    protected abstract IRunStore Store { get; }

    [Fact]
    public void A_second_run_cannot_claim_a_held_cluster_and_is_told_who_holds_it()
    {
        using var first = Claim("run-1", Process(100));

        var second = () => Claim("run-2", Process(200));

        second.Should().Throw<LockHeldException>()
            .Where(e => e.Holder.RunId == "run-1" && e.Message.Contains("run run-1", StringComparison.Ordinal) && e.Message.Contains("process 100", StringComparison.Ordinal));
    }

    [Fact]
    public void The_claim_of_a_holder_process_that_is_gone_is_taken_over_with_an_audit()
    {
        Claim("run-1", Process(100, alive: false)).Dispose();

        using var second = Claim("run-2", Process(200, alive: false));

        second.Takeover!.PreviousHolder!.RunId.Should().Be("run-1");
        second.Takeover.Reason.Should().Contain("holder process 100");
        second.Takeover.HolderMayStillRun.Should().BeFalse();
        Store.Claims.Peek("hci01")!.RunId.Should().Be("run-2");
    }

    [Fact]
    public void The_claim_of_another_host_is_taken_over_only_after_its_lease_expired()
    {
        Claim("run-1", Process(100) with { HostName = "other-host" }).Dispose();

        var tooEarly = () => Claim("run-2", Process(200));
        tooEarly.Should().Throw<LockHeldException>();

        Time.Now += TimeSpan.FromMinutes(3);
        using var late = Claim("run-2", Process(200));
        late.Takeover!.Reason.Should().Contain("lease expired");
        late.Takeover.HolderMayStillRun.Should().BeTrue("a holder whose lease expired may only be stopped, not gone");
    }

    [Fact]
    public void A_lease_that_ends_exactly_now_is_still_held()
    {
        using var holder = Claim("run-1", Process(100));
        Time.Now += Lease;

        var contender = () => Claim("run-2", Process(200));

        contender.Should().Throw<LockHeldException>();
        Time.Now += TimeSpan.FromTicks(10);
        using var late = Claim("run-2", Process(200));
        late.Holder.RunId.Should().Be("run-2");
    }

    [Fact]
    public void A_paused_claim_blocks_new_runs_but_not_its_own_resume()
    {
        using (var paused = Claim("run-1", Process(100, alive: false)))
        {
            paused.MarkPaused("waiting for approval of secure-boot");
        }

        Time.Now += TimeSpan.FromDays(2);
        var other = () => Claim("run-2", Process(200));
        other.Should().Throw<LockHeldException>().Where(e => e.Message.Contains("alu resume run-1", StringComparison.Ordinal));

        using var resumed = Claim("run-1", Process(300));
        resumed.Holder.Status.Should().Be(LockHolder.Running);
        resumed.Takeover!.Reason.Should().Be("resuming paused run run-1");
    }

    [Fact]
    public void Releasing_frees_the_cluster()
    {
        var claim = Claim("run-1", Process(100));

        claim.Release();

        Store.Claims.Peek("hci01").Should().BeNull();
    }

    [Fact]
    public void Every_claim_gets_a_higher_epoch_than_any_before_it_even_after_a_release()
    {
        var epochs = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var claim = Claim($"run-{i}", Process(100 + i));
            epochs.Add(claim.Epoch);
            claim.Release();
        }

        using var last = Claim("run-9", Process(200));
        Time.Now += Lease + TimeSpan.FromSeconds(1);
        using var takenOver = Claim("run-9", Process(300));

        epochs.Add(last.Epoch);
        epochs.Add(takenOver.Epoch);
        epochs.Should().Equal(1, 2, 3, 4, 5);
        Store.Claims.Peek("hci01")!.Epoch.Should().Be(5);
    }

    [Fact]
    public void Clusters_are_claimed_independently()
    {
        using var one = Store.Claims.Acquire("hci01", "run-1", Time, Process(100));
        using var two = Store.Claims.Acquire("hci02", "run-2", Time, Process(100));

        one.Epoch.Should().Be(1);
        two.Epoch.Should().Be(1);
        Store.Claims.Peek("hci02")!.RunId.Should().Be("run-2");
    }

    [Fact]
    public void The_heartbeat_renews_the_lease_so_a_live_holder_is_never_taken_over()
    {
        using var holder = Claim("run-1", Process(100, heartbeat: TimeSpan.FromSeconds(30)));

        Time.Advance(TimeSpan.FromMinutes(10));

        var contender = () => Claim("run-2", Process(200));
        contender.Should().Throw<LockHeldException>();
        Store.Claims.Peek("hci01")!.LeaseExpiresAt.Should().BeAfter(Time.Now);
    }

    [Theory]
    [InlineData("run-1", "this-host")]
    [InlineData("run-2", "this-host")]
    [InlineData("run-1", "other-host")]
    public void A_stale_holder_cannot_release_pause_or_renew_over_the_new_claim(string newRunId, string newHost)
    {
        using var stale = Claim("run-1", Process(100, heartbeat: TimeSpan.FromSeconds(30)));
        Time.Now += Lease + TimeSpan.FromSeconds(1);
        using var current = Claim(newRunId, Process(200) with { HostName = newHost });
        var claim = Store.Claims.Peek("hci01");

        Time.Advance(TimeSpan.FromMinutes(1));
        var afterRenew = Store.Claims.Peek("hci01");
        stale.MarkPaused("cancelled");
        stale.Release();

        stale.Lost.Should().BeTrue();
        afterRenew.Should().Be(claim, "the stale holder's heartbeat must not overwrite the new claim");
        Store.Claims.Peek("hci01").Should().Be(claim);
        current.Lost.Should().BeFalse();
    }

    [Fact]
    public void A_stale_holder_journal_append_is_refused_and_writes_nothing()
    {
        using var stale = Claim("run-1", Process(100));
        using var staleJournal = Store.Journals.Open("run-1", stale);
        staleJournal.Append(Record("a"));
        Time.Now += Lease + TimeSpan.FromSeconds(1);
        using var current = Claim("run-1", Process(200));

        var append = () => staleJournal.Append(Record("b"));

        append.Should().Throw<ClaimLostException>().Which.Message.Should().Contain("epoch 1").And.Contain("epoch 2");
        stale.Lost.Should().BeTrue();
        using var currentJournal = Store.Journals.Open("run-1", current);
        currentJournal.Append(Record("c"));
        Steps("run-1").Should().Equal("a", "c");
    }

    [Fact]
    public void A_journal_cannot_be_opened_under_a_claim_already_lost()
    {
        var old = Claim("run-1", Process(100));
        old.Release();
        using var next = Claim("run-2", Process(100));

        var open = () => Store.Journals.Open("run-1", old);

        open.Should().Throw<ClaimLostException>();
    }

    [Fact]
    public void After_a_release_the_old_holder_can_neither_write_nor_free_a_new_claim()
    {
        var old = Claim("run-1", Process(100));
        old.Release();
        using var next = Claim("run-2", Process(100));

        old.Release();
        var write = () => old.Guard(() => { });

        write.Should().Throw<ClaimLostException>();
        Store.Claims.Peek("hci01")!.RunId.Should().Be("run-2");
    }

    [Fact]
    public async Task Of_many_contenders_claiming_at_the_same_instant_exactly_one_wins()
    {
        const int contenders = 6;
        using var start = new Barrier(contenders);
        var outcomes = Enumerable.Range(0, contenders).Select(i => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            try
            {
                return (IRunClaim?)Claim($"run-{i}", Process(1000 + i));
            }
            catch (LockHeldException)
            {
                return null;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        var winners = (await Task.WhenAll(outcomes)).OfType<IRunClaim>().ToList();
        winners.Should().ContainSingle();
        Store.Claims.Peek("hci01")!.RunId.Should().Be(winners[0].Holder.RunId);
        winners[0].Dispose();
    }

    [Fact]
    public void Appends_from_concurrently_running_steps_all_land_each_once()
    {
        using var claim = Claim("run-1", Process(100));
        using var journal = Store.Journals.Open("run-1", claim);

        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => journal.Append(Record($"s{i}")));

        Steps("run-1").Should().BeEquivalentTo(Enumerable.Range(0, 40).Select(i => $"s{i}"));
    }

    [Fact]
    public void A_journal_reads_back_every_field_in_append_order_and_before_the_append_returns()
    {
        using var claim = Claim("run-1", Process(100));
        using var journal = Store.Journals.Open("run-1", claim);
        var records = new[]
        {
            new JournalRecord { Type = JournalRecordTypes.RunStarted, Time = Time.Now, RunId = "run-1", Run = Identity() },
            new JournalRecord { Type = JournalRecordTypes.StepStarted, Time = Time.Now, RunId = "run-1", StepId = "drain", Target = "hci01-n1", Kind = "powershell" },
            new JournalRecord { Type = JournalRecordTypes.StepFinished, Time = Time.Now, RunId = "run-1", StepId = "drain", Outcome = "succeeded", Attempts = 2, Duration = TimeSpan.FromSeconds(3), Message = "drained 'n1' — ok" },
        };

        foreach (var record in records)
        {
            journal.Append(record);
        }

        var read = Store.Journals.Read("run-1");
        read.Warnings.Should().BeEmpty();
        read.Records.Should().BeEquivalentTo(records, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Resume_state_folds_the_same_from_the_store()
    {
        using var claim = Claim("run-1", Process(100));
        using (var journal = Store.Journals.Open("run-1", claim))
        {
            journal.Append(new JournalRecord { Type = JournalRecordTypes.RunStarted, Time = Time.Now, RunId = "run-1", Run = Identity() });
            journal.Append(Record("drain"));
            journal.Append(new JournalRecord { Type = JournalRecordTypes.StepFinished, RunId = "run-1", StepId = "drain", Outcome = "succeeded", Attempts = 1 });
            journal.Append(Record("reboot"));
        }

        var state = RunJournalReader.ResumeStateOf(Store.Journals.Read("run-1"), Store.Journals.Describe("run-1"));

        state.Finished.Should().ContainKey("drain");
        state.Interrupted.Should().Equal("reboot");
        state.Identity.Cluster.Should().Be("hci01");
    }

    [Fact]
    public void Runs_with_a_journal_are_listed_oldest_first_and_a_run_without_one_is_not_found()
    {
        Store.Journals.Open("20261123-0215-hci01-b", null).Dispose();
        Store.Journals.Open("20261123-0215-hci01-a", null).Dispose();

        Store.Journals.List().Should().Equal("20261123-0215-hci01-a", "20261123-0215-hci01-b");
        var missing = () => Store.Journals.Read("20261123-0300-hci01-z");
        missing.Should().Throw<DirectoryNotFoundException>();
    }

    [Fact]
    public void Documents_are_written_read_and_replaced_whole()
    {
        Store.Documents.Create("run-1");
        Store.Documents.Write("run-1", "run.json", "{\"a\":1}"u8.ToArray());
        Store.Documents.Write("run-1", "pinned/runbooks/upgrade.yaml", "kind: Runbook\n"u8.ToArray());
        Store.Documents.Write("run-1", "run.json", "{\"a\":2}"u8.ToArray());

        Store.Documents.Read("run-1", "run.json").Should().Equal("{\"a\":2}"u8.ToArray());
        Store.Documents.Read("run-1", "pinned/runbooks/upgrade.yaml").Should().Equal("kind: Runbook\n"u8.ToArray());
        Store.Documents.Read("run-1", "report.md").Should().BeNull();
    }

    [Fact]
    public void A_run_is_created_once_and_deleting_it_removes_its_documents()
    {
        Store.Documents.Create("run-1");
        Store.Documents.Write("run-1", "run.json", "{}"u8.ToArray());

        var again = () => Store.Documents.Create("run-1");
        again.Should().Throw<IOException>();

        Store.Documents.Delete("run-1");
        Store.Documents.Read("run-1", "run.json").Should().BeNull();
        Store.Documents.Create("run-1");
    }

    [Theory]
    [InlineData("../other/run.json")]
    [InlineData("/etc/passwd")]
    [InlineData("pinned/../../x")]
    public void A_document_name_cannot_leave_its_run(string name)
    {
        Store.Documents.Create("run-1");

        var write = () => Store.Documents.Write("run-1", name, [1]);

        write.Should().Throw<Exception>().Where(e => e is ArgumentException || e is Engine.Inputs.StatePathException);
    }

    [Fact]
    public void A_secret_in_a_record_or_the_manifest_is_stored_only_as_its_mask()
    {
        const string secret = "hunter2-do-not-store";
        var parameters = new Dictionary<string, object?> { ["password"] = new Engine.Graph.SecretValue(secret) };
        using (var journal = Store.Journals.Open("run-1", null))
        {
            journal.Append(new JournalRecord { Type = JournalRecordTypes.RunStarted, RunId = "run-1", Run = Identity() with { Parameters = parameters } });
        }

        Store.Documents.Create("run-2");
        Engine.Execution.Runs.RunManifests.Write(Store.Documents, new Engine.Execution.Runs.RunManifest(
            1, "run-2", "hci01", "upgrade", "1.0.0", "/x/upgrade.yaml", "pinned/runbooks/upgrade.yaml", null, "pinned/parameters.json",
            new string('a', 64), new Dictionary<string, string>(), ["password"], Time.Now));

        StoredText().Should().NotContain(secret).And.Contain(Engine.Graph.SecretValue.Mask);
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);

    /// <summary>Everything the store holds, as text, to search for what must never be stored.</summary>
    protected abstract string StoredText();

    protected IRunClaim Claim(string runId, RunLockOptions options) => Store.Claims.Acquire("hci01", runId, Time, options);

    protected RunLockOptions Process(int pid, bool alive = true, TimeSpan? heartbeat = null) =>
        new(Lease, heartbeat ?? TimeSpan.FromHours(1), "this-host", pid, Time.Now, (_, _) => alive);

    protected static JournalRecord Record(string step) => new() { Type = JournalRecordTypes.StepStarted, RunId = "run-1", StepId = step };

    private IEnumerable<string?> Steps(string runId) => Store.Journals.Read(runId).Records.Select(r => r.StepId);

    private static JournalRunIdentity Identity() =>
        new("upgrade", "1.0.0", "hci01", new string('a', 64), new Dictionary<string, string> { ["upgrade.yaml"] = "sha256:00" },
            new Dictionary<string, object?>(), ["drain", "reboot"]);
}
