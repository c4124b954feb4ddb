# learnsls in a container:
#   docker build -t learnsls .
#   docker run --rm -p 8080:8080 -v learnsls-data:/data learnsls
# then open http://127.0.0.1:8080/
#
# Two stages: a full Go image builds a static binary; the final image keeps a
# Go toolchain because learners' handlers are compiled (GOOS=wasip1) at run
# time, and adds nothing else.

ARG GO_VERSION=1.26

FROM golang:${GO_VERSION}-bookworm AS build
WORKDIR /src
ENV GOTOOLCHAIN=local CGO_ENABLED=0
# Dependencies first, so a source change does not download them again.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# VERSION is shown by `learnsls version` and in the page footer.
ARG VERSION=dev
RUN go build -trimpath -buildvcs=false \
      -ldflags "-s -w -X github.com/learnsls/learnsls/cmd/learnsls/cli.version=${VERSION}" \
      -o /out/learnsls ./cmd/learnsls

FROM golang:${GO_VERSION}-alpine
# A fixed non-root user (numeric, so runAsNonRoot policies can verify it)
# owning the data volume: database, Go build cache, compiled modules.
RUN addgroup -g 10001 learnsls \
 && adduser -D -u 10001 -G learnsls -h /home/learnsls learnsls \
 && mkdir -p /data \
 && chown learnsls:learnsls /data
COPY --from=build /out/learnsls /usr/local/bin/learnsls
# Builds of learners' code are offline and use this toolchain only.
ENV LEARNSLS_DATA=/data \
    GOTOOLCHAIN=local \
    GOTELEMETRY=off \
    GOPROXY=off \
    HOME=/home/learnsls
USER 10001:10001
WORKDIR /home/learnsls
EXPOSE 8080
VOLUME /data
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s \
  CMD wget -q -O /dev/null http://127.0.0.1:8080/healthz || exit 1
CMD ["learnsls", "serve", "--addr", "0.0.0.0:8080", "--data", "/data"]
