package io.ferry.deploy.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.deploy.task.TaskFile;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts {@code ferry migrate} raises while it watches a task: the task failed, or the lag exceeded
 * {@code alerts.lag-seconds} (and, once, when it is back under). Each is logged and, with {@code alerts.webhook},
 * POSTed as JSON ({@code task, kind, message, lag_seconds, time}); a webhook that fails is logged, never fatal.
 */
public final class Alerts {

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskFile.Alerts config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private boolean failedSent;
    private boolean lagging;

    public Alerts(TaskFile.Alerts config) {
        this.config = config;
    }

    /** Looks at one status and returns the alerts it raised (kinds: task-failed, lag, lag-recovered). */
    public List<String> check(TaskStatus status) {
        List<String> raised = new ArrayList<>();
        if (status.failed() && !failedSent) {
            failedSent = true;
            raised.add(send(status, "task-failed", "Task " + status.task() + " failed: "
                    + String.join("; ", status.errors())));
        }
        if (config.lagSeconds() > 0 && status.lagSeconds().isPresent()) {
            double lag = status.lagSeconds().get();
            if (lag > config.lagSeconds() && !lagging) {
                lagging = true;
                raised.add(send(status, "lag", String.format(Locale.ROOT, "Task %s lags %.0f s (threshold %d s)",
                        status.task(), lag, config.lagSeconds())));
            } else if (lag <= config.lagSeconds() && lagging) {
                lagging = false;
                raised.add(send(status, "lag-recovered", String.format(Locale.ROOT, "Task %s lag is back to %.0f s",
                        status.task(), lag)));
            }
        }
        return raised;
    }

    private String send(TaskStatus status, String kind, String message) {
        LOG.warn("Alert {}: {}", kind, message);
        if (config.webhook() == null) {
            return kind;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("task", status.task());
        body.put("kind", kind);
        body.put("message", message);
        if (status.lagSeconds().isPresent()) {
            body.put("lag_seconds", status.lagSeconds().get());
        } else {
            body.putNull("lag_seconds");
        }
        body.put("time", status.at().toString());
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(config.webhook())
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                LOG.warn("The alert webhook {} answered HTTP {}", config.webhook(), response.statusCode());
            }
        } catch (JsonProcessingException e) {
            LOG.warn("Cannot write alert {}", kind, e);
        } catch (IOException e) {
            LOG.warn("Cannot post alert {} to {}: {}", kind, config.webhook(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return kind;
    }
}
