package org.monostore.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The store's start-up order, in one place: once every bean is made, first the entities of every kind,
 * then the read models that project their events, then (a later phase, Spring Boot's) the HTTP server.
 * No constructor starts an actor or a projection, so the order is this and not that of the beans.
 */
@Component
public final class StoreStartup implements SmartLifecycle {

  /** Before the web server's start (Spring Boot's phase for it is {@code Integer.MAX_VALUE - 2048}). */
  static final int PHASE = Integer.MAX_VALUE - 4096;

  private static final Logger log = LoggerFactory.getLogger(StoreStartup.class);

  private final List<EntityType> entities;
  private final List<ReadModel> readModels;
  private final List<Stage> stages = new ArrayList<>();
  private volatile boolean running;

  StoreStartup(List<EntityType> entities, List<ReadModel> readModels) {
    this.entities = entities;
    this.readModels = readModels;
  }

  /** A stage of the start and what it started, by class name. */
  public record Stage(String name, List<String> started) {}

  @Override
  public void start() {
    // Once: a stop leaves entities and read models running (it pauses a test's cached store, say).
    if (stages().isEmpty()) {
      stage("entities", entities, EntityType::start);
      stage("read models", readModels, ReadModel::start);
    }
    running = true;
  }

  private <T> void stage(String name, List<T> parts, Consumer<T> start) {
    List<String> started = new ArrayList<>();
    for (T part : parts) {
      start.accept(part);
      started.add(part.getClass().getSimpleName());
    }
    synchronized (stages) {
      stages.add(new Stage(name, List.copyOf(started)));
    }
    log.info("Started {}: {}", name, String.join(", ", started));
  }

  /** The stages done so far, in the order they were done. */
  public List<Stage> stages() {
    synchronized (stages) {
      return List.copyOf(stages);
    }
  }

  /** Stops nothing: the actor system's coordinated shutdown stops entities and projections, at its close. */
  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
