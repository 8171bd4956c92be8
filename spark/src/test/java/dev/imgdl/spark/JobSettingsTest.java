package dev.imgdl.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.core.config.FetchSettings;
import dev.imgdl.core.config.Network;
import dev.imgdl.core.config.RequestSettings;
import dev.imgdl.core.source.InputFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobSettingsTest {
  private static JobSettings.Builder required() {
    return required(request());
  }

  private static JobSettings.Builder required(RequestSettings.Builder request) {
    return JobSettings.builder().input("in.csv").output("out").format(InputFormat.CSV)
        .urlCol("url").workers(8).request(request.build(), null);
  }

  private static RequestSettings.Builder request() {
    return RequestSettings.builder().timeoutMillis(1_000).deadlineMillis(2_000).maxSize(3_000)
        .retries(4).userAgent("ua");
  }

  @Test
  void theBuilderDefaultsCaptionSavedColumnsPartitionsLimitsOptOutsAndTheTestHook() {
    JobSettings s = required().build();

    assertThat(s.captionCol()).isNull();
    assertThat(s.saveCols()).isEmpty();
    assertThat(s.partitions()).isZero();
    assertThat(s.perHost()).isZero();
    assertThat(s.rate()).isZero();
    assertThat(s.request().disallowedDirectives())
        .isEqualTo(RequestSettings.DEFAULT_DISALLOWED);
    assertThat(s.failOnce()).isEqualTo(-1);
  }

  @Test
  void aRequiredFieldLeftOutFailsAtBuildNamingIt() {
    assertThatThrownBy(() -> required().format(null).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("JobSettings.format was not set: it has no default");
    assertThatThrownBy(() -> JobSettings.builder().input("in").output("out")
        .format(InputFormat.LINES).urlCol("url").workers(1).build())
        .hasMessageStartingWith("JobSettings.request was not set");
  }

  @Test
  void withPartitionsChangesOnlyThePartitionsAndKeepsAtLeastOne() {
    JobSettings s = required().perHost(3).build();

    assertThat(s.withPartitions(5)).isEqualTo(required().perHost(3).partitions(5).build());
    assertThat(s.withPartitions(0).partitions()).isEqualTo(1);
  }

  @Test
  void eachTaskGetsTheCoreSettingsForItsOwnFolder() {
    FetchSettings fetch = required(request().headers(List.of("X-A: 1")).anyType(true)).build()
        .fetchSettings("/tmp/task", "run1", Network.DEFAULT);

    assertThat(fetch.outputDir()).isEqualTo("/tmp/task");
    assertThat(fetch.runId()).isEqualTo("run1");
    assertThat(fetch.request().timeoutMillis()).isEqualTo(1_000);
    assertThat(fetch.request().deadlineMillis()).isEqualTo(2_000);
    assertThat(fetch.request().maxSize()).isEqualTo(3_000);
    assertThat(fetch.request().retries()).isEqualTo(4);
    assertThat(fetch.request().userAgent()).isEqualTo("ua");
    assertThat(fetch.request().headers()).containsExactly("X-A: 1");
    assertThat(fetch.request().anyType()).isTrue();
  }

  @Test
  void anotherUserAgentNeedsNoNewClientButOtherLimitsDo() {
    JobSettings s = required().build();

    assertThat(required(request().userAgent("other").retries(0)).build().clientKey())
        .isEqualTo(s.clientKey());
    assertThat(required().perHost(2).build().clientKey()).isNotEqualTo(s.clientKey());
    Network insecure = new Network(null, null, null, List.of(), null, true);
    assertThat(required(request().network(insecure)).build().clientKey())
        .isNotEqualTo(s.clientKey());
  }
}
