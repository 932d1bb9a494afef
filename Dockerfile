# One image recipe for the four services and the site: docker compose passes SERVICE (content-service, lead-service,
# notify-service, gateway or site). The build stage needs only Maven Central; the runtime stage runs the extracted jar.
FROM eclipse-temurin:17.0.15_6-jdk-jammy AS build
ARG SERVICE
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY content-service/pom.xml content-service/
COPY lead-service/pom.xml lead-service/
COPY notify-service/pom.xml notify-service/
COPY gateway/pom.xml gateway/
COPY site/pom.xml site/
COPY local-stack/pom.xml local-stack/
# Every module the root pom lists must have its pom, or the reactor stops before it builds anything.
COPY fault-suite/pom.xml fault-suite/
COPY deploy/pom.xml deploy/
COPY bench/pom.xml bench/
# Every service depends on the shared platform module (and platform-test, test scope): built with -am.
COPY platform platform
COPY platform-test platform-test
COPY ${SERVICE}/src ${SERVICE}/src
RUN ./mvnw -q -B -pl ${SERVICE} -am -DskipTests package \
 && java -Djarmode=tools -jar ${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT.jar extract --destination /app

FROM eclipse-temurin:17.0.15_6-jre-jammy
RUN useradd --system --uid 10001 app
USER app
WORKDIR /app
COPY --from=build /app /app
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["sh", "-c", "exec java -jar /app/*.jar"]
